import { describe, expect, it } from 'vitest';
import { emptyDraft, validateDraft } from '../../../shared/domain/appeal/validate';
import { TODAY, validDraft } from './fixtures';

const ctx = { today: TODAY };
const codesOf = (input: unknown) => validateDraft(input, ctx).map((p) => `${p.field}:${p.code}`);

describe('emptyDraft', () => {
  it('has the documented defaults', () => {
    expect(emptyDraft('2024-01-15')).toEqual({
      surname: '',
      givenName: '',
      patronymic: '',
      collectiveName: '',
      address: '',
      phone: '',
      email: '',
      sex: 'unknown',
      subject: 'individual',
      type: 'application',
      receiptForm: 'personal',
      receiptSign: 'first',
      categories: [],
      socialStatus: '',
      letterDate: null,
      receivedOn: '2024-01-15',
      term: 'normal',
      origin: null,
      issues: [{ topicCode: '', text: '' }],
      note: '',
    });
  });

  it('is incomplete as it stands: names, address and the issue are asked for', () => {
    expect(codesOf(emptyDraft(TODAY)).sort()).toEqual(
      [
        'address:required',
        'givenName:required',
        'issues.0.text:required',
        'issues.0.topicCode:required',
        'surname:required',
      ].sort(),
    );
  });

  it('returns fresh arrays each time', () => {
    const a = emptyDraft(TODAY);
    a.issues.push({ topicCode: '010', text: 'x' });
    expect(emptyDraft(TODAY).issues).toHaveLength(1);
  });
});

describe('validateDraft', () => {
  it('accepts a complete card', () => {
    expect(validateDraft(validDraft(), ctx)).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'draft'],
    ['an array', [validDraft()]],
    ['undefined', undefined],
  ])('rejects %s as a whole', (_name, input) => {
    expect(codesOf(input)).toEqual([':not-object']);
  });

  it.each([
    // subject rules
    [{ surname: '' }, ['surname:required']],
    [{ surname: '   ' }, ['surname:required']],
    [{ givenName: '\t' }, ['givenName:required']],
    [{ address: ' ' }, ['address:required']],
    [{ subject: 'collective', surname: '', givenName: '', collectiveName: '' }, ['collectiveName:required']],
    [{ subject: 'collective', surname: '', givenName: '', address: '' }, ['collectiveName:required', 'address:required']],
    [{ subject: 'collective', surname: '', givenName: '', collectiveName: 'Мешканці вул. Садової' }, []],
    [{ subject: 'collective', collectiveName: '', givenName: '' }, []],
    [{ subject: 'anonymous', surname: '', givenName: '', address: '', phone: '', email: '' }, []],
    // surname letter
    [{ surname: '1Бондар' }, ['surname:first-letter']],
    [{ surname: "'Яковенко" }, ['surname:first-letter']],
    [{ surname: '  Ґудзь' }, []],
    // lengths
    [{ surname: 'Б'.repeat(101) }, ['surname:too-long']],
    [{ surname: `${'Б'.repeat(100)}   ` }, []],
    [{ givenName: 'О'.repeat(101) }, ['givenName:too-long']],
    [{ patronymic: 'П'.repeat(101) }, ['patronymic:too-long']],
    [{ subject: 'collective', collectiveName: 'К'.repeat(101) }, ['collectiveName:too-long']],
    [{ address: 'а'.repeat(301) }, ['address:too-long']],
    [{ address: 'а'.repeat(300) }, []],
    [{ issues: [{ topicCode: '010', text: 'т'.repeat(20_001) }] }, ['issues.0.text:too-long']],
    [{ issues: [{ topicCode: '010', text: 'т'.repeat(20_000) }] }, []],
    [{ note: 'н'.repeat(5_001) }, ['note:too-long']],
    [{ note: '😀'.repeat(5_000) }, []], // counted in characters, not UTF-16 units
    // contact
    [{ phone: '067 123 45' }, ['phone:format']],
    [{ phone: 'нема' }, ['phone:format']],
    [{ phone: '   ' }, []],
    [{ phone: '+38 (067) 123-45-67' }, []],
    [{ email: 'olena@' }, ['email:format']],
    [{ email: '' }, []],
    // codes
    [{ sex: 'x' }, ['sex:unknown-code']],
    [{ subject: 'group' }, ['subject:unknown-code']],
    [{ type: 'petition' }, ['type:unknown-code']],
    [{ receiptForm: '' }, ['receiptForm:required']],
    [{ receiptForm: 'fax' }, ['receiptForm:unknown-code']],
    [{ receiptSign: 'second' }, ['receiptSign:unknown-code']],
    [{ socialStatus: 'king' }, ['socialStatus:unknown-code']],
    [{ socialStatus: '' }, []],
    [{ term: 'long' }, ['term:unknown-code']],
    [{ categories: ['idp', 'nobody'] }, ['categories.1:unknown-code']],
    [{ categories: ['idp', 'idp'] }, ['categories.1:duplicate']],
    [{ categories: [1] }, ['categories.0:type']],
    [{ categories: 'idp' }, ['categories:type']],
    // dates
    [{ receivedOn: '' }, ['receivedOn:required']],
    [{ receivedOn: '2024-02-30' }, ['receivedOn:date-invalid']],
    [{ receivedOn: '20.05.2024' }, ['receivedOn:date-invalid']],
    [{ receivedOn: '2024-05-21', letterDate: null }, ['receivedOn:date-in-future']],
    [{ receivedOn: '1990-12-31', letterDate: null }, ['receivedOn:date-too-early']],
    [{ receivedOn: '1991-01-01', letterDate: null }, []],
    [{ letterDate: '' }, []],
    [{ letterDate: null }, []],
    [{ letterDate: '2024-05-20' }, []],
    [{ receivedOn: '2024-05-10', letterDate: '2024-05-11' }, ['letterDate:after-receipt']],
    [{ letterDate: '1990-06-01' }, ['letterDate:date-too-early']],
    [{ letterDate: '2024-13-01' }, ['letterDate:date-invalid']],
    [{ letterDate: 20240501 }, ['letterDate:type']],
    // issues
    [{ issues: [] }, ['issues:required']],
    [{ issues: [{ topicCode: '999', text: 'x' }] }, ['issues.0.topicCode:unknown-code']],
    [
      {
        issues: [
          { topicCode: '010', text: 'x' },
          { topicCode: '', text: ' ' },
        ],
      },
      ['issues.1.topicCode:required', 'issues.1.text:required'],
    ],
    [{ issues: [{ topicCode: '010' }] }, ['issues.0.text:missing']],
    [{ issues: ['text'] }, ['issues.0:type']],
    [{ issues: Array.from({ length: 51 }, () => ({ topicCode: '010', text: 'x' })) }, ['issues:too-many']],
    // origin
    [{ origin: { body: 'Обласна військова адміністрація', date: '2024-05-15', index: '01-12/345' } }, []],
    [{ origin: { body: '', date: null, index: '' } }, ['origin.body:required']],
    [{ origin: { body: 'ОДА', date: '2099-01-01', index: '' } }, ['origin.date:date-in-future']],
    [{ origin: 'ОДА' }, ['origin:type']],
    // types
    [{ surname: 42 }, ['surname:type']],
    [{ note: null }, ['note:type']],
  ] as [Record<string, unknown>, string[]][])('%j → %j', (patch, expected) => {
    expect(codesOf(validDraft(patch as never))).toEqual(expected);
  });

  it('reports each missing field', () => {
    const { surname: _s, issues: _i, ...rest } = validDraft();
    expect(codesOf(rest)).toEqual(['surname:missing', 'issues:missing']);
  });

  it('stores HTML, script tags and emoji as typed: they are not errors', () => {
    const draft = validDraft({
      surname: 'Бондаренко 😀',
      note: '<script>alert(1)</script>',
      issues: [{ topicCode: '120', text: '<b>Допоможіть</b> 🙏 &amp; "лапки"' }],
    });
    expect(validateDraft(draft, ctx)).toEqual([]);
  });

  it('ignores inherited and prototype keys', () => {
    const proto = validDraft();
    const tricky = Object.create(proto) as object;
    expect(codesOf(tricky)).toContain('surname:missing');
    const poisoned = JSON.parse(`{"__proto__": ${JSON.stringify(validDraft())}}`);
    expect(codesOf(poisoned)).toContain('receivedOn:missing');
  });

  it('does not throw on a hostile object', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('trap');
        },
      },
    );
    expect(codesOf(hostile)).toEqual([':unreadable']);
  });

  it('skips the future check, not the whole check, when today is broken', () => {
    expect(codesOf(validDraft({ receivedOn: '2999-01-01' }))).toEqual(['receivedOn:date-in-future']);
    expect(validateDraft(validDraft({ receivedOn: '2999-01-01' }), { today: 'yesterday' })).toEqual([]);
    expect(validateDraft(validDraft({ surname: '' }), null as never).map((p) => p.code)).toEqual(['required']);
  });

  it('gives every problem a message in Ukrainian and English', () => {
    const problems = validateDraft({ ...emptyDraft(TODAY), phone: 'x', email: 'y', sex: 'z', issues: [] }, ctx);
    expect(problems.length).toBeGreaterThan(4);
    for (const p of problems) {
      expect(p.message.uk).toMatch(/\p{Script=Cyrillic}/u);
      expect(p.message.en).toMatch(/^[\x20-\x7e]+$/);
    }
    const surname = problems.find((p) => p.field === 'surname');
    expect(surname?.message).toEqual({ uk: 'Вкажіть прізвище заявника', en: "Enter the applicant's surname" });
  });
});
