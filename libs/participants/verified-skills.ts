import type { EntityManager } from 'typeorm';

/**
 * The verified skills of the profiles $1 (uuid[]): skills on the profile that an employer confirmed in a kompetensbevis
 * of one of the person's placements (competence_certificate_skills). Derived, not stored: a skill the coach removes
 * and adds again stays verified, a certificate corrected or erased takes its verification with it. One row per
 * profile with any, `ids` sorted.
 */
export const VERIFIED_SKILLS_SQL = `
  SELECT cp.id AS profile_id, array_agg(DISTINCT cs.skill_concept_id ORDER BY cs.skill_concept_id) AS ids
    FROM competence_profiles cp
    JOIN placements pl ON pl.participant_id = cp.participant_id
    JOIN competence_certificate_skills cs ON cs.placement_id = pl.id
    JOIN profile_skills ps ON ps.profile_id = cp.id AND ps.skill_concept_id = cs.skill_concept_id
   WHERE cp.id = ANY($1::uuid[])
   GROUP BY cp.id`;

/** The verified skill concept ids of each of `profileIds` (absent: none). */
export async function verifiedSkillIds(
  manager: EntityManager,
  profileIds: string[],
): Promise<Map<string, string[]>> {
  if (profileIds.length === 0) return new Map();
  const rows = (await manager.query(VERIFIED_SKILLS_SQL, [profileIds])) as Array<{
    profile_id: string;
    ids: string[];
  }>;
  return new Map(rows.map((row) => [row.profile_id, row.ids]));
}
