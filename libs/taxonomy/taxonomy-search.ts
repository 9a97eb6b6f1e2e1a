import { TaxonomyKind } from './taxonomy-kind.js';
import { TAXONOMY_TABLES } from './taxonomy-tables.js';

/**
 * How each kind is read as a TaxonomyConcept from its table (TAXONOMY_TABLES, alias `t`): what it joins, its label,
 * human code and county label.
 */
const CONCEPT_SQL: Record<TaxonomyKind, { join?: string; label: string; code: string; county: string }> = {
  [TaxonomyKind.OCCUPATION_GROUP]: {
    label: 't.label',
    code: 't.ssyk_code',
    county: 'NULL',
  },
  [TaxonomyKind.OCCUPATION]: {
    join: 'JOIN taxonomy_occupation_groups g ON g.concept_id = t.group_concept_id',
    label: 't.label',
    code: 'g.ssyk_code',
    county: 'NULL',
  },
  [TaxonomyKind.SKILL]: { label: 't.label', code: 'NULL', county: 'NULL' },
  [TaxonomyKind.LANGUAGE]: {
    label: 't.label',
    // Some languages have only a 639-3 code, stored by JobTech in the 639-2 column (Dari: prs).
    code: 'coalesce(t.iso_639_1, t.iso_639_3, t.iso_639_2)',
    county: 'NULL',
  },
  [TaxonomyKind.COUNTY]: {
    label: 't.label',
    code: 't.county_code',
    county: 'NULL',
  },
  [TaxonomyKind.MUNICIPALITY]: {
    join: 'JOIN taxonomy_counties c ON c.concept_id = t.county_concept_id',
    label: 't.label',
    code: 't.municipality_code',
    county: 'c.label',
  },
  [TaxonomyKind.EDUCATION_LEVEL]: {
    label: 't.label',
    code: 't.sun_code',
    county: 'NULL',
  },
  [TaxonomyKind.DRIVING_LICENCE]: {
    label: 't.code',
    code: 't.code',
    county: 'NULL',
  },
};

/** The kinds with a trigram index for autocomplete (see the TaxonomyLookup migration). */
export const SEARCHABLE_KINDS = [
  TaxonomyKind.OCCUPATION,
  TaxonomyKind.SKILL,
  TaxonomyKind.LANGUAGE,
  TaxonomyKind.MUNICIPALITY,
] as const;

export type SearchableKind = (typeof SEARCHABLE_KINDS)[number];

/** The FROM clause that reads `kind` as concepts: its table as `t`, with what it joins. */
export function conceptSource(kind: TaxonomyKind): string {
  const join = CONCEPT_SQL[kind].join;
  return join ? `${TAXONOMY_TABLES[kind]} t ${join}` : `${TAXONOMY_TABLES[kind]} t`;
}

export function conceptColumns(kind: TaxonomyKind): string {
  const sql = CONCEPT_SQL[kind];
  return `t.concept_id AS "conceptId", ${sql.label} AS label, ${sql.code} AS code, ${sql.county} AS "countyLabel"`;
}

/**
 * A code typed instead of a label: a kommunkod, an ISO 639 code. Ranked first. Guarded by the shape of the text, so
 * that for any other text the planner (which sees the parameters) drops the condition and can use the index.
 */
const CODE_MATCH: Partial<Record<SearchableKind, string>> = {
  [TaxonomyKind.LANGUAGE]: `(length($1) BETWEEN 2 AND 3 AND lower($1) IN (t.iso_639_1, t.iso_639_2, t.iso_639_3))`,
  [TaxonomyKind.MUNICIPALITY]: `($1 ~ '^[0-9]{4}$' AND t.municipality_code = $1)`,
};

/**
 * The autocomplete query for `kind`; parameters: $1 the text as typed, $2 how many. Labels and text are compared
 * through `taxonomy_fold` (lower case, å ä ö → a a o, …), the expression the trigram indexes are built on.
 *
 * Candidates, from the GIN index: the folded text occurs in the label (`LIKE '%…%'`, which also finds the middle
 * of Swedish compounds: "skötare" → Barnskötare), or is word-similar to part of it (`<%`, pg_trgm's word
 * similarity at the threshold the caller sets, which forgives a typo or two: "barnskötrae"). A text of one or two
 * letters has too few trigrams for either: it must start the label or one of its words.
 *
 * Rank: a matching code; a label that starts with the text; a word of the label that starts with it; the text
 * inside a word; word similarity alone. Within a rank: labels with the text as typed (with its å ä ö: "städ" before
 * "stad"), then more similar, then shorter labels first.
 */
export function searchSql(kind: SearchableKind): string {
  const text = 'taxonomy_fold($1)';
  // LIKE's escape character is the backslash; the text's own % _ \ are matched literally.
  const escape = (value: string) =>
    `replace(replace(replace(${value}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;
  const pattern = escape(text);
  const startsAWord = (folded: string) =>
    `${folded} LIKE ANY (ARRAY['% ' || ${pattern} || '%', '%/' || ${pattern} || '%', '%-' || ${pattern} || '%', ` +
    `'%(' || ${pattern} || '%'])`;
  const label = 'taxonomy_fold(t.label)';
  const codeMatch = CODE_MATCH[kind] ?? 'false';
  // The subquery computes taxonomy_fold once per candidate (OFFSET 0 keeps it from being merged into the outer one).
  return `
    SELECT "conceptId", label, code, "countyLabel"
    FROM (
      SELECT ${conceptColumns(kind)}, ${label} AS folded, ${codeMatch} AS code_match
      FROM ${conceptSource(kind)}
      WHERE (length(${text}) >= 3 AND (${label} LIKE '%' || ${pattern} || '%' OR ${text} <% ${label}))
         OR (length(${text}) < 3 AND (${label} LIKE ${pattern} || '%' OR ${startsAWord(label)}))
         OR ${codeMatch}
      OFFSET 0
    ) AS candidate
    ORDER BY
      CASE
        WHEN code_match THEN 0
        WHEN folded LIKE ${pattern} || '%' THEN 1
        WHEN ${startsAWord('folded')} THEN 2
        WHEN folded LIKE '%' || ${pattern} || '%' THEN 3
        ELSE 4
      END,
      lower(label) LIKE '%' || ${escape('lower($1)')} || '%' DESC,
      word_similarity(${text}, folded) DESC,
      length(label),
      label,
      "conceptId"
    LIMIT $2`;
}
