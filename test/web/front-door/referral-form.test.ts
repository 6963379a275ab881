// The public referral form (MARF): no sign-in, clear errors, escaped output, one contact however
// often the same form is posted, the reference number on screen, the attachment of an Early Help
// Assessment, and the audit row as "public referrer".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../support/authority.ts';
import { Browser, createTestWeb, textOf, type TestWeb } from '../../support/web.ts';
import { validMarf } from './marf.ts';

let web: TestWeb;
beforeAll(async () => {
  web = await createTestWeb();
});
afterAll(async () => {
  await web.close();
});

const submissionToken = (html: string): string => /name="_submission" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function contactsNamed(familyName: string) {
  return web.database.handle.db
    .selectFrom('contact')
    .innerJoin('contactPerson', 'contactPerson.contactId', 'contact.id')
    .select(['contact.id', 'contact.reference', 'contact.channel', 'contact.status', 'contact.referralSource', 'contact.worries', 'contact.recordedByUserId', 'contact.decisionDueOn', 'contact.receivedOn'])
    .where('contactPerson.familyName', '=', familyName)
    .execute();
}

describe('the public referral form', () => {
  it('needs no sign-in, and asks for every part of the referral', async () => {
    const page = await new Browser(web.app).get('/refer-a-child');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    for (const heading of ['About you', 'The child or children', 'The family', 'What you are worried about', 'What has been tried', 'Consent', 'Immediate risk']) expect(text).toContain(heading);
    expect(page.body).toContain('name="_csrf"');
    expect(page.body).toContain('name="_submission"');
  });

  it('records the contact, shows its reference number, and audits it as the public referrer', async () => {
    const browser = new Browser(web.app);
    const posted = await browser.post('/refer-a-child', validMarf());
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/refer-a-child/sent');
    const [contact] = await contactsNamed('Quillfeather');
    expect(contact).toMatchObject({ channel: 'online_form', status: 'received', referralSource: '2A', recordedByUserId: null });
    expect(contact?.worries).toContain('no food at home');
    const sent = await browser.get('/refer-a-child/sent');
    expect(sent.statusCode).toBe(200);
    expect(textOf(sent.body)).toContain(`Your reference number ${contact?.reference ?? 'missing'}`);
    const audit = (await auditRows(web.database, 'front-door.contact.received')).at(-1);
    expect(audit).toMatchObject({ actorUserId: null, actorLabel: 'public referrer', subjectType: 'contact', subjectId: contact?.id });
    // Never the child's name or the worries in the audit log.
    expect(JSON.stringify(audit?.changes)).not.toContain('Quillfeather');
    expect(JSON.stringify(audit?.changes)).not.toContain('hungry');
  });

  it('makes one contact when the same form is posted twice, and shows the same reference both times', async () => {
    const browser = new Browser(web.app);
    const form = await browser.get('/refer-a-child');
    const token = submissionToken(form.body);
    const body = validMarf({ child1FamilyName: 'Twiceposted', _submission: token });
    const first = await browser.post('/refer-a-child', body, { csrfFrom: '/refer-a-child' });
    const second = await browser.post('/refer-a-child', body, { csrfFrom: '/refer-a-child' });
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    const rows = await contactsNamed('Twiceposted');
    expect(rows).toHaveLength(1);
    expect(textOf((await browser.get('/refer-a-child/sent')).body)).toContain(rows[0]?.reference ?? 'missing');
    // The same token with different content is refused, and nothing is written.
    const changed = await browser.post('/refer-a-child', { ...body, worries: 'Something else entirely.' }, { csrfFrom: '/refer-a-child' });
    expect(changed.statusCode).toBe(400);
    expect(await contactsNamed('Twiceposted')).toHaveLength(1);
  });

  it('shows every problem at once, keeps what was typed, and saves nothing', async () => {
    const browser = new Browser(web.app);
    const page = await browser.post('/refer-a-child', validMarf({ referrerEmail: 'not-an-email', child1GivenName: '', child1FamilyName: 'Halfnamed', worries: '', familyConsent: 'no', immediateRisk: 'yes', postcode: 'nowhere' }));
    expect(page.statusCode).toBe(400);
    const text = textOf(page.body);
    expect(text).toContain('There is a problem');
    for (const message of [
      'Enter an email address in the correct format, like name@example.com',
      'Enter the child’s first name',
      'Describe what you are worried about',
      'Explain why the family does not agree, or why they have not been asked',
      'Describe the risk to the child right now',
      'Enter a real postcode, like MK9 3HS',
    ]) {
      expect(text).toContain(message);
    }
    expect(page.body).toContain('href="#child1GivenName"');
    expect(page.body).toContain('value="Halfnamed"');
    expect(await contactsNamed('Halfnamed')).toHaveLength(0);
  });

  it('escapes what was typed, so no script can run when the MASH reads it', async () => {
    const browser = new Browser(web.app);
    const hostile = '<script>window.__xss=1</script><img src=x onerror=alert(1)>{{7*7}}';
    const page = await browser.post('/refer-a-child', validMarf({ child1FamilyName: 'Scriptwise', worries: '', referrerName: hostile }));
    expect(page.statusCode).toBe(400);
    expect(page.body).not.toContain('<script>window.__xss');
    expect(page.body).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(page.body).toContain('{{7*7}}');
  });

  it('refuses a post without the CSRF token, and text that cannot be stored', async () => {
    const browser = new Browser(web.app);
    await browser.get('/refer-a-child');
    const noToken = await browser.post('/refer-a-child', validMarf({ child1FamilyName: 'Nocsrf' }), { csrf: null });
    expect(noToken.statusCode).toBe(403);
    const nul = await browser.post('/refer-a-child', validMarf({ child1FamilyName: 'Nulbyte', worries: 'bad\u0000byte' }));
    expect(nul.statusCode).toBe(400);
    expect(textOf(nul.body)).toContain('Remove the characters that cannot be stored');
    expect(await contactsNamed('Nocsrf')).toHaveLength(0);
    expect(await contactsNamed('Nulbyte')).toHaveLength(0);
  });

  it('refuses an oversized body with 413', async () => {
    const browser = new Browser(web.app);
    const page = await browser.post('/refer-a-child', validMarf({ child1FamilyName: 'Toolarge', worries: 'x'.repeat(300_000) }));
    expect(page.statusCode).toBe(413);
    expect(await contactsNamed('Toolarge')).toHaveLength(0);
  });

  it('lets the referrer attach the Early Help Assessment to the referral they just sent, and no other', async () => {
    const browser = new Browser(web.app);
    await browser.post('/refer-a-child', validMarf({ child1FamilyName: 'Withassessment', earlyHelpAssessment: 'yes' }));
    const sent = await browser.get('/refer-a-child/sent');
    expect(textOf(sent.body)).toContain('Attach the Early Help Assessment');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(sent.body)?.[1] ?? '';
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('file', new Blob(['%PDF-1.4\n% synthetic early help assessment\n%%EOF\n'], { type: 'application/pdf' }), 'eha.pdf');
    const attached = await web.app.inject({ method: 'POST', url: '/refer-a-child/sent/early-help-assessment', payload: form, headers: { cookie: browser.cookieHeader } });
    expect(attached.statusCode).toBe(303);
    const [contact] = await contactsNamed('Withassessment');
    const doc = await web.database.handle.db.selectFrom('contactDocument').select(['kind', 'filename', 'sizeBytes']).where('contactId', '=', contact?.id ?? '').executeTakeFirst();
    expect(doc).toMatchObject({ kind: 'pdf', filename: 'eha.pdf' });
    expect((await auditRows(web.database, 'front-door.early-help-assessment.attached')).at(-1)).toMatchObject({ actorLabel: 'public referrer', subjectId: contact?.id });
    // A visitor without the signed cookie of that referral cannot attach anything.
    const stranger = new Browser(web.app);
    await stranger.get('/refer-a-child');
    const refused = await web.app.inject({ method: 'POST', url: '/refer-a-child/sent/early-help-assessment', payload: form, headers: { cookie: stranger.cookieHeader } });
    expect(refused.statusCode).toBe(403);
    expect((await stranger.get('/refer-a-child/sent')).headers.location).toBe('/refer-a-child');
  });

  it('limits how often one address can send the form', async () => {
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i += 1) {
      const response = await web.app.inject({ method: 'POST', url: '/refer-a-child', remoteAddress: '198.51.100.7', payload: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      last = response.statusCode;
    }
    expect(last).toBe(429);
  });
});
