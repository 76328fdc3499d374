import { createHash, randomBytes } from 'node:crypto';

/**
 * One-use survey links for registrants: the token travels only in the mail; the database keeps its
 * SHA-256 (survey_token.hash), so a copy of the database cannot answer in anyone's name.
 */
export const surveyTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** 32 random bytes, base64url: unguessable, and safe in a URL fragment. */
export const newSurveyToken = (): string => randomBytes(32).toString('base64url');

/** Midnight UTC of `at`: the only time kept on a response or a token's use, so the two cannot be matched. */
export const dayOf = (at: Date): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
