import { randomBytes } from 'node:crypto';

/**
 * Short codes of public survey pages (`/s/<code>`): 6 random bytes as 8 base64url characters. Short to
 * type from a poster and to keep the QR code coarse; 48 bits are plenty for a page that is public anyway
 * (the code only saves people a long id, it guards nothing).
 */
export const newSurveyLinkCode = (): string => randomBytes(6).toString('base64url');

/** What a code may look like: checked before any database read. */
export const SURVEY_LINK_CODE = /^[A-Za-z0-9_-]{8}$/;

/** Where an occurrence's survey page lives under the server's base URL. */
export const surveyPagePath = (code: string): string => `/s/${code}`;

/** The page's QR code (SVG), beside the page. */
export const surveyQrPath = (code: string): string => `/s/${code}.svg`;
