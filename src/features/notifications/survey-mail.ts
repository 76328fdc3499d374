import { DataSource } from 'typeorm';
import { RegistrationStatus } from '../../domain/enums';
import { SurveyRound } from '../../domain/survey';
import { webLinkAsStored } from '../../domain/web-url';
import { exec, runWriteTransaction } from '../../db/write-transaction';
import { MailPlanner } from './mail-sender';
import { MailTemplate } from './mail-template';
import { registrationMailsInsert } from './outbox';
import { REMINDED_EVENT_STATUSES } from './reminder-mail';
import { RegistrationMailSources, registrationMailTemplate, renderedMail } from './registration-mail';

export const SURVEY_TEMPLATE = 'registration.survey';

/** How long after the end the survey goes, and how late it still may (a server that was down catches up, an old event stays quiet). */
const AFTER_END_MS = 3_600_000;
const AT_MOST_AFTER_END_MS = 7 * 86_400_000;

/**
 * Whether an event may ask one of our IMMEDIATE surveys (own, series', or a category's: survey-target.ts).
 * A superset on purpose (the category is matched as a substring of the event's JSON list): the template
 * asks the exact rule when it writes the mail and sends nothing when no survey applies.
 */
const MAY_ASK_OUR_SURVEY = `EXISTS (SELECT 1 FROM "survey" s WHERE s."round" = '${SurveyRound.IMMEDIATE}' AND (s."eventId" = e."id"`
  + ` OR (s."seriesId" = e."seriesId" AND s."partnerId" = e."partnerId")`
  + ` OR (s."category" IS NOT NULL AND s."partnerId" = e."partnerId" AND LOWER(e."categories") LIKE '%' || s."category" || '%')))`;

/**
 * One `survey:<registrationId>` row for each confirmed registration of an event that took place, asks a
 * survey (its surveyUrl or one of ours) and ended an hour ago (up to a week): those checked in, or every
 * confirmed one when nobody was checked in (staff did not use check-in, so attendance is unknown).
 */
const PLANNER_SQL = registrationMailsInsert('survey', SURVEY_TEMPLATE,
  `FROM "registration" r JOIN "event" e ON e."id" = r."eventId" WHERE r."status" = '${RegistrationStatus.CONFIRMED}'`
  + ` AND e."status" IN (${REMINDED_EVENT_STATUSES.map((s) => `'${s}'`).join(', ')})`
  + ` AND (e."surveyUrl" IS NOT NULL OR ${MAY_ASK_OUR_SURVEY}) AND e."endsAt" <= ? AND e."endsAt" > ? AND (e."attendedCount" = 0 OR r."attended" = ?)`);

/** Plans survey mails before each look of the sender, as ReminderPlanner plans reminders. */
export class SurveyPlanner implements MailPlanner {
  constructor(private readonly db: DataSource) {}

  async plan(now: Date): Promise<void> {
    const at = now.toISOString();
    const endedBy = new Date(now.getTime() - AFTER_END_MS).toISOString();
    const endedAfter = new Date(now.getTime() - AT_MOST_AFTER_END_MS).toISOString();
    await runWriteTransaction(this.db, function* () {
      yield* exec(PLANNER_SQL, [at, at, endedBy, endedAfter, true]);
    });
  }
}

/**
 * "How was it?" with a link: the registrant's one-use link to our survey page when the event asks one of
 * our surveys, else the event's surveyUrl. Nothing once the registration was cancelled or neither applies.
 */
export function surveyTemplate(sources: RegistrationMailSources): MailTemplate {
  return registrationMailTemplate(sources, async ({ registration, item, words, now }) => {
    if (registration.status !== RegistrationStatus.CONFIRMED) return null;
    const link = (await sources.surveyLink?.(registration.eventId, now)) ?? webLinkAsStored(item.event.surveyUrl);
    if (!link) return null;
    const title = item.event.title;
    return renderedMail(words.surveySubject(title), [
      { text: words.greeting(registration.name) },
      { text: words.survey(title) },
      { label: words.surveyLink, value: link, link: true },
      { text: words.sentFor(item.partner.name) },
    ], words);
  });
}
