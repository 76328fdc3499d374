import { ParsedMail } from 'mailparser';
import { MailSender } from '../../src/features/notifications/mail-sender';
import { mailTemplates } from '../../src/features/notifications/mail-templates';
import { surveyMailLink } from '../../src/features/surveys/survey-mail-link';
import { ReminderPlanner } from '../../src/features/notifications/reminder-planner';
import { SurveyPlanner } from '../../src/features/notifications/survey-mail';
import { createMailTransport } from '../../src/features/notifications/transport';
import { createLogger } from '../../src/logger';
import { BackendName } from './backends';
import { createTestGraph, TestGraph } from './graph';
import { createPartner, REGISTER } from './native-event';
import { startSmtpServer, TestSmtpServer } from './smtp';

export const MAIL_FROM = 'Millbrook Library <events@library.example>';
/** The base of absolute links in mail (PUBLIC_URL in production). */
export const MAIL_PUBLIC_URL = 'https://events.library.example';

export interface Ticket {
  cancelToken: string;
  registration: { id: string; status: string };
}

/**
 * A test graph, a real SMTP server and the app's MailSender (every template, the reminder planner) on a
 * clock the test may set: `clock.now` is the sender's and the templates' "now" (null: the real time;
 * registrations always keep the real one).
 */
export interface MailHarness {
  graph: TestGraph;
  smtp: TestSmtpServer;
  sender: MailSender;
  partner: Awaited<ReturnType<typeof createPartner>>;
  clock: { now: Date | null };
  /** Registers Ada (override anything); fails the test on a rejection. */
  register(eventGlobalId: string, input?: Record<string, unknown>): Promise<Ticket>;
  /** The messages the SMTP server took for one address. */
  arrivedFor(address: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startMailHarness(backend: BackendName): Promise<MailHarness> {
  const graph = await createTestGraph(backend);
  const partner = await createPartner(graph.db);
  const smtp = await startSmtpServer();
  const transport = createMailTransport(smtp.url);
  const clock: { now: Date | null } = { now: null };
  const now = () => clock.now ?? new Date();
  const deps = { db: graph.db, apiKeys: graph.services.apiKeys, logger: createLogger('silent') };
  const sender = new MailSender(graph.db, {
    transport, from: MAIL_FROM, now, templates: mailTemplates(deps, graph.services.eventFeeds, now, surveyMailLink(graph.services.surveys, graph.services.surveyLinks, () => MAIL_PUBLIC_URL)), planners: [new ReminderPlanner(graph.db), new SurveyPlanner(graph.db)],
  });
  return {
    graph, smtp, sender, partner, clock,
    async register(eventGlobalId, input = {}) {
      const result = await graph.execute(REGISTER, { input: { eventId: eventGlobalId, name: 'Ada Lovelace', email: 'ada@example.org', ...input } });
      expect(result.errors).toBeUndefined();
      const ticket = result.data!.register as Ticket & { __typename: string };
      expect(ticket.__typename).toBe('RegistrationTicket');
      return ticket;
    },
    arrivedFor: (address) => smtp.arrived.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value.some((a) => a.address === address)),
    async close() {
      transport.close();
      await smtp.close();
      await graph.close();
    },
  };
}
