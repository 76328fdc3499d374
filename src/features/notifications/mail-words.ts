/**
 * The words of registration mail, per language. A requested BCP 47 tag falls back to its primary
 * language, then to English (the fallback chain is documented in docs/registration.md).
 */
export interface MailWords {
  /** The locale for dates and times (luxon/Intl). */
  locale: string;
  confirmedSubject(title: string): string;
  waitlistedSubject(title: string): string;
  greeting(name: string): string;
  confirmed(title: string): string;
  /** `invite`: the event's waitlist invites to claim (INVITE) rather than confirming by itself. */
  waitlisted(title: string, rank: number | null, invite: boolean): string;
  when: string;
  where: string;
  party(size: number): string;
  code: string;
  manage: string;
  /** The label of the event page's link that opens the code's registration. */
  manageLink: string;
  eventPage: string;
  calendarFile: string;
  sentFor(partner: string): string;
  promotedSubject(title: string): string;
  promoted(title: string): string;
  /** Where the code is when this mail cannot carry it (only its hash is kept after the first mail). */
  earlierCode: string;
  eventCancelledSubject(title: string): string;
  eventCancelled(title: string): string;
  wouldHaveBeen: string;
  reminderSubject(title: string): string;
  reminder(title: string): string;
  surveySubject(title: string): string;
  survey(title: string): string;
  surveyLink: string;
  invitedSubject(title: string): string;
  /** `until`: the claim deadline in words, at the venue. */
  invited(title: string, until: string): string;
}

const en: MailWords = {
  locale: 'en-US',
  confirmedSubject: (title) => `You're registered: ${title}`,
  waitlistedSubject: (title) => `You're on the waitlist: ${title}`,
  greeting: (name) => `Hello ${name},`,
  confirmed: (title) => `You are registered for ${title}.`,
  waitlisted: (title, rank, invite) => `You are on the waitlist for ${title}${rank ? `, number ${rank} in line` : ''}. `
    + (invite
      ? 'When a place frees up for you, we email you an invitation to claim it within a time limit.'
      : 'When places free up, the waitlist moves up by itself and your registration may be confirmed.'),
  when: 'When',
  where: 'Where',
  party: (size) => (size === 1 ? '1 person' : `${size} people`),
  code: 'Your registration code',
  manage: 'To see or cancel your registration, enter this code under "Have a registration code?" where you registered.',
  eventPage: 'Event page',
  calendarFile: 'The attached calendar file (event.ics) adds the event to your calendar.',
  sentFor: (partner) => `Sent for ${partner} by Community Graph. You get this message because this address was used to register.`,
  promotedSubject: (title) => `A seat is yours: ${title}`,
  promoted: (title) => `A seat has freed up: your place on the waitlist for ${title} is now a confirmed registration.`,
  earlierCode: 'To see or cancel your registration, use the registration code from your first email about this event.',
  eventCancelledSubject: (title) => `Cancelled: ${title}`,
  eventCancelled: (title) => `We are sorry: the library has cancelled ${title}. You do not need to do anything.`,
  wouldHaveBeen: 'It was planned for',
  reminderSubject: (title) => `Reminder: ${title}`,
  reminder: (title) => `A reminder that you are registered for ${title}.`,
  invitedSubject: (title) => `A seat is free for you: ${title}`,
  invited: (title, until) => `A seat has freed up for ${title}, and it is yours if you claim it by ${until}. `
    + 'To claim it, enter the registration code from your first email under "Have a registration code?" where you registered, '
    + 'and choose "Claim my seat". After that time it goes to the next person on the waitlist.',
  surveySubject: (title) => `How was it? ${title}`,
  survey: (title) => `Thank you for registering for ${title}. Would you tell us how it went? It takes a few minutes, and it helps us plan what comes next.`,
  surveyLink: 'Survey',
  manageLink: 'See or cancel your registration',
};

const es: MailWords = {
  locale: 'es',
  confirmedSubject: (title) => `Inscripción confirmada: ${title}`,
  waitlistedSubject: (title) => `En lista de espera: ${title}`,
  greeting: (name) => `Hola, ${name}:`,
  confirmed: (title) => `Tu inscripción para ${title} está confirmada.`,
  waitlisted: (title, rank, invite) => `Estás en la lista de espera para ${title}${rank ? `, con el número ${rank}` : ''}. `
    + (invite
      ? 'Cuando se libere una plaza para ti, te enviaremos una invitación para reclamarla dentro de un plazo.'
      : 'Cuando se liberen plazas, la lista avanzará sola y tu inscripción podrá confirmarse.'),
  when: 'Cuándo',
  where: 'Dónde',
  party: (size) => (size === 1 ? '1 persona' : `${size} personas`),
  code: 'Tu código de inscripción',
  manage: 'Para ver o cancelar tu inscripción, introduce este código en "Have a registration code?" donde te inscribiste.',
  eventPage: 'Página del evento',
  calendarFile: 'El archivo de calendario adjunto (event.ics) añade el evento a tu calendario.',
  sentFor: (partner) => `Enviado para ${partner} por Community Graph. Recibes este mensaje porque se usó esta dirección para inscribirse.`,
  promotedSubject: (title) => `Tienes plaza: ${title}`,
  promoted: (title) => `Se ha liberado una plaza: tu lugar en la lista de espera para ${title} es ahora una inscripción confirmada.`,
  earlierCode: 'Para ver o cancelar tu inscripción, usa el código de inscripción de tu primer correo sobre este evento.',
  eventCancelledSubject: (title) => `Cancelado: ${title}`,
  eventCancelled: (title) => `Lo sentimos: la biblioteca ha cancelado ${title}. No tienes que hacer nada.`,
  wouldHaveBeen: 'Estaba previsto para',
  reminderSubject: (title) => `Recordatorio: ${title}`,
  reminder: (title) => `Te recordamos que estás inscrito en ${title}.`,
  invitedSubject: (title) => `Hay una plaza para ti: ${title}`,
  invited: (title, until) => `Se ha liberado una plaza para ${title} y es tuya si la reclamas antes de: ${until}. `
    + 'Para reclamarla, introduce el código de inscripción de tu primer correo en "Have a registration code?" donde te inscribiste '
    + 'y elige "Claim my seat". Después pasará a la siguiente persona de la lista de espera.',
  surveySubject: (title) => `¿Qué te pareció? ${title}`,
  survey: (title) => `Gracias por inscribirte en ${title}. ¿Nos cuentas qué te pareció? Son unos minutos y nos ayuda a planear lo que viene.`,
  surveyLink: 'Encuesta',
  manageLink: 'Ver o cancelar tu inscripción',
};

const WORDS: Record<string, MailWords> = { en, es };

/** The languages mail is written in, as BCP 47 primary subtags. */
export const MAIL_LANGUAGES = Object.keys(WORDS);

/** The words for a requested tag (`es-MX` → es; unknown or none → en). */
export function mailWordsFor(tag: string | null | undefined): MailWords {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return WORDS[primary] ?? en;
}
