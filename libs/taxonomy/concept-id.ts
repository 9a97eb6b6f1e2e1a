/**
 * The form of a concept id. JobTech's look like `XWKY_c49_5nv`; this is looser, to catch shifted columns when
 * importing and to tell a malformed value from an unknown one in input, not to police JobTech.
 */
export const CONCEPT_ID = /^[0-9A-Za-z_-]{3,40}$/;
