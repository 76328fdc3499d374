import { htmlEscape } from '../../domain/html-escape';
import { STATEMENTS_PER_SURVEY } from '../../domain/survey';
import type { SurveyQuestions } from '../../features/surveys/survey.type';
import { SurveyFormValues } from './survey-form';

/** The five points as people read them (Project Outcome's agreement scale), 1 first. */
const SCALE = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

/** The occurrence as the page heads it. */
export interface SurveyPageEvent {
  title: string;
  /** Its date and time in the venue's zone, as the feeds write it. */
  when: string;
  partnerName: string;
}

export interface SurveyFormPage {
  event: SurveyPageEvent;
  questions: SurveyQuestions;
  /** The page's own path (with ?round= when not the first round): the form posts back to it. */
  action: string;
  token: string | null;
  /** What was sent, kept when the answer was refused. */
  values: SurveyFormValues;
  /** Why the answer was refused, in words; null on a first visit. */
  error: string | null;
}

/** The page shell: no script at all, one stylesheet of our own (CSP: default-src 'none'). */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title><link rel="stylesheet" href="/s/survey.css"></head>
<body><main>
${body}
</main></body></html>
`;
}

function heading(event: SurveyPageEvent): string {
  return `<p class="partner">${htmlEscape(event.partnerName)}</p>
<h1>How was ${htmlEscape(event.title)}?</h1>
<p class="when">${htmlEscape(event.when)}</p>`;
}

/** One statement as a radio group: the fieldset's legend is the statement, every point its own label. */
function statementGroup(statement: string, index: number, chosen: number | null): string {
  const name = `rating${index + 1}`;
  const options = SCALE.map((label, i) => {
    const value = i + 1;
    const id = `${name}-${value}`;
    return `<li><input type="radio" id="${id}" name="${name}" value="${value}"${chosen === value ? ' checked' : ''}>`
      + `<label for="${id}"><span class="point">${value}</span> ${label}</label></li>`;
  }).join('');
  return `<fieldset class="statement"><legend>${index + 1}. ${htmlEscape(statement)}</legend><ul class="scale">${options}</ul></fieldset>`;
}

function openQuestion(name: 'liked' | 'improve', question: string, value: string, maxLength: number): string {
  return `<p class="open"><label for="${name}">${htmlEscape(question)}</label>`
    + `<textarea id="${name}" name="${name}" rows="4" maxlength="${maxLength}">${htmlEscape(value)}</textarea></p>`;
}

/** The survey as a form that works without JavaScript; a refused answer comes back filled in, the reason on top. */
export function surveyFormPage(p: SurveyFormPage, maxAnswerLength: number): string {
  const statements = p.questions.statements.slice(0, STATEMENTS_PER_SURVEY).map((s, i) => statementGroup(s, i, p.values.ratings[i] ?? null)).join('\n');
  return page(`Survey: ${p.event.title}`, `${heading(p.event)}
${p.error ? `<p class="error" role="alert">${htmlEscape(p.error)}</p>` : ''}
<p>Your answers are anonymous: nothing about you is stored with them. Answer what you like; every question may be skipped.</p>
<form method="post" action="${htmlEscape(p.action)}">
${p.token ? `<input type="hidden" name="token" value="${htmlEscape(p.token)}">` : ''}
${statements}
${openQuestion('liked', p.questions.likedQuestion, p.values.liked, maxAnswerLength)}
${openQuestion('improve', p.questions.improveQuestion, p.values.improve, maxAnswerLength)}
<p><button type="submit">Send my answers</button></p>
</form>`);
}

export function thankYouPage(event: SurveyPageEvent): string {
  return page(`Thank you: ${event.title}`, `<p class="partner">${htmlEscape(event.partnerName)}</p>
<h1>Thank you!</h1>
<p role="status">Your answers about ${htmlEscape(event.title)} (${htmlEscape(event.when)}) were received. They help the library plan what comes next.</p>`);
}

/** A page that has only something to say: no survey here, a used link, a bad address. */
export function messagePage(title: string, message: string, event: SurveyPageEvent | null = null): string {
  return page(title, `${event ? heading(event) : `<h1>${htmlEscape(title)}</h1>`}
<p class="error" role="alert">${htmlEscape(message)}</p>`);
}

/** Readable on a phone and at 1280 px; large targets for every point of the scale. */
export const SURVEY_CSS = `*{box-sizing:border-box}
body{margin:0;font:1.05rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f6f3}
main{max-width:44rem;margin:0 auto;padding:1.25rem 1rem 3rem;background:#fff}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0}
.partner{margin:0;color:#4a4a4a}
.when{margin:.25rem 0 1rem;color:#4a4a4a}
.error{border-left:.35rem solid #b3261e;background:#fdecea;color:#5c0b06;padding:.6rem .8rem}
fieldset{border:1px solid #c8c8c0;border-radius:.4rem;margin:0 0 1rem;padding:.6rem .8rem}
legend{font-weight:600;padding:0 .25rem}
.scale{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(5,1fr);gap:.4rem}
.scale li{display:flex;flex-direction:column;align-items:center;text-align:center}
.scale input{width:1.4rem;height:1.4rem;margin:.25rem}
.scale label{font-size:.85rem;cursor:pointer}
.point{display:block;font-weight:600}
@media (max-width:40rem){.scale{grid-template-columns:1fr}.scale li{flex-direction:row;text-align:left}.point{display:inline}}
.open label{display:block;font-weight:600;margin-bottom:.25rem}
textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.3rem}
button{font:inherit;font-weight:600;padding:.7rem 1.4rem;border:0;border-radius:.4rem;background:#1d4f91;color:#fff;cursor:pointer}
button:hover{background:#163d70}
:focus-visible{outline:3px solid #e8a317;outline-offset:2px}
`;
