import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, type FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, type TestServer } from '../support/server';
import { ChatClient, type Frame } from '../support/ws-client';

/** The five cases of the checklist journey, scripted as a citizen presses the buttons. */
const CASES = [
  {
    name: 'lost school certificate of a minor, parent applies',
    lang: 'ru',
    presses: ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:parent', 'ans:reason:lost'],
    ticks: ['application_by_parent', 'student_identity_document'],
  },
  {
    name: 'university diploma after a name change',
    lang: 'ru',
    presses: ['menu:checklist', 'svc:duplicate-higher', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:name_changed'],
    ticks: ['application', 'identity_document', 'original_education_document'],
  },
  { name: 'correction of data', lang: 'kk', presses: ['menu:checklist', 'svc:correct-education-document'], ticks: ['e_application', 'education_document_copy'] },
  { name: 'academic leave for illness', lang: 'kk', presses: ['menu:checklist', 'svc:academic-leave', 'ans:reason:illness'], ticks: ['medical_commission_conclusion'] },
  {
    name: 'free meals for an orphan',
    lang: 'ru',
    presses: ['menu:checklist', 'svc:free-meals', 'ans:channel:provider_office', 'ans:category:orphan'],
    ticks: ['identity_document', 'application', 'guardianship_certificate_copy'],
  },
] as const;

const tickIds = (choices: { id: string }[] = []) => choices.filter((c) => c.id.startsWith('tick:')).map((c) => c.id.slice(5));

describe('the five checklist cases reach a personalised list in both channels', () => {
  let telegram: FakeTelegram;
  let server: TestServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ telegram, server, close } = await startTelegramTestServer());
  });
  afterAll(() => close());

  it.each(CASES)('widget: $name', async ({ lang, presses, ticks }) => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang });
    let last: Frame | undefined;
    for (const id of presses) last = (await client.exchange({ type: 'choice', id })).filter((f) => f.type === 'message').at(-1);
    expect(tickIds(last!.choices)).toEqual([...ticks]);
    client.close();
  });

  it.each(CASES.map((c, i) => ({ ...c, chat: 8100 + i })))('Telegram: $name', async ({ lang, presses, ticks, chat }) => {
    telegram.sendText(chat, '/start', lang);
    await telegram.waitFor('sendMessage', 2, 0, chat);
    for (const [index, id] of presses.entries()) {
      const since = telegram.calls.length;
      telegram.pressButton(chat, id, lang);
      const next = presses[index + 1];
      // The answer is complete once a keyboard offers the next button (or, at the end, the ticks).
      await expect
        .poll(() =>
          telegram.calls.slice(since).some((c) => {
            const offered = buttonsOf(c).map((b) => b.callback_data);
            return c.params.chat_id === chat && (next ? offered.includes(next) : offered.some((o) => o.startsWith('tick:')));
          }),
        )
        .toBe(true);
    }
    const list = telegram.calls.filter((c) => c.params.chat_id === chat && c.params.reply_markup).at(-1)!;
    const offered = buttonsOf(list).map((b) => ({ id: b.callback_data }));
    expect(tickIds(offered)).toEqual([...ticks]);
  });
});
