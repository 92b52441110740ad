import { describe, expect, it } from 'vitest';
import { applyFixes, checkCaliber, defineRoster, defineRuleSet } from '../../src/caliber/index';
import { validationFailure } from '../errors/validation-failure';

// Pins the exact VALIDATION errors (message, and each issue's path and message) of the caliber
// API's boundary checks, so that a change in how they are validated (zod's classic API, zod/mini
// for a smaller browser bundle) cannot change what a host shows or matches on.
const failure = validationFailure;

const bad = (value: unknown) => value as never;

describe('checkCaliber validation messages', () => {
  it('text', () => {
    expect(failure(() => checkCaliber(bad(42), []))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected string, received number",
            "path": [],
          },
        ],
        "message": "Invalid caliber text: Invalid input: expected string, received number",
      }
    `);
  });

  it('options', () => {
    expect(
      failure(() =>
        checkCaliber('文本', [], bad({ facts: [{ label: '', value: Infinity, extra: 1 }, { label: 'x', value: '' }, 'y'], now: 'today', asOf: new Date(Number.NaN), markdown: 'yes', disable: [1], roster: 5, other: true })),
      ),
    ).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Too small: expected string to have >=1 characters",
            "path": [
              "facts",
              0,
              "label",
            ],
          },
          {
            "message": "Invalid input",
            "path": [
              "facts",
              0,
              "value",
            ],
          },
          {
            "message": "Unrecognized key: "extra"",
            "path": [
              "facts",
              0,
            ],
          },
          {
            "message": "Too small: expected string to have >=1 characters",
            "path": [
              "facts",
              1,
              "value",
            ],
          },
          {
            "message": "Invalid input: expected object, received string",
            "path": [
              "facts",
              2,
            ],
          },
          {
            "message": "Invalid input: expected date, received string",
            "path": [
              "now",
            ],
          },
          {
            "message": "Invalid input: expected date, received Date",
            "path": [
              "asOf",
            ],
          },
          {
            "message": "Invalid input: expected boolean, received string",
            "path": [
              "markdown",
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              "disable",
              0,
            ],
          },
          {
            "message": "Invalid input",
            "path": [
              "roster",
            ],
          },
          {
            "message": "Unrecognized key: "other"",
            "path": [],
          },
        ],
        "message": "Invalid caliber options: facts.0.label: Too small: expected string to have >=1 characters; facts.0.value: Invalid input; facts.0: Unrecognized key: "extra" (+8 more)",
      }
    `);
  });

  it('a fact that does not begin with a figure', () => {
    expect(failure(() => checkCaliber('文本', [], { facts: [{ label: '人数', value: '很多' }] }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "does not begin with a figure",
            "path": [
              "facts",
              0,
              "value",
            ],
          },
        ],
        "message": "Invalid caliber options: facts.0.value: does not begin with a figure",
      }
    `);
  });

  it('a raw roster, with the path from the options down', () => {
    expect(
      failure(() => checkCaliber('文本', [], bad({ roster: [{ id: 'a b', leaders: [{ name: '王 明', titles: [' '], aliases: [''], rank: 1 }] }, { id: 'x', leaders: [] }] }))),
    ).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "an id needs at least one character and no "/" or white space",
            "path": [
              "roster",
              0,
              "id",
            ],
          },
          {
            "message": "a name has no white space",
            "path": [
              "roster",
              0,
              "leaders",
              0,
              "name",
            ],
          },
          {
            "message": "a title cannot be empty",
            "path": [
              "roster",
              0,
              "leaders",
              0,
              "titles",
              0,
            ],
          },
          {
            "message": "a name cannot be empty",
            "path": [
              "roster",
              0,
              "leaders",
              0,
              "aliases",
              0,
            ],
          },
          {
            "message": "a name has no white space",
            "path": [
              "roster",
              0,
              "leaders",
              0,
              "aliases",
              0,
            ],
          },
          {
            "message": "Unrecognized key: "rank"",
            "path": [
              "roster",
              0,
              "leaders",
              0,
            ],
          },
          {
            "message": "a roster needs at least one leader",
            "path": [
              "roster",
              1,
              "leaders",
            ],
          },
        ],
        "message": "Invalid caliber options: roster.0.id: an id needs at least one character and no "/" or white space; roster.0.leaders.0.name: a name has no white space; roster.0.leaders.0.titles.0: a title cannot be empty (+4 more)",
      }
    `);
    expect(failure(() => checkCaliber('文本', [], bad({ roster: [{ id: 'r', leaders: [] }, 'not a roster'] })))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input",
            "path": [
              "roster",
            ],
          },
        ],
        "message": "Invalid caliber options: roster: Invalid input",
      }
    `);
  });
});

describe('defineRoster validation messages', () => {
  it('shape', () => {
    expect(failure(() => defineRoster(null))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected object, received null",
            "path": [],
          },
        ],
        "message": "Invalid roster: Invalid input: expected object, received null",
      }
    `);
    expect(failure(() => defineRoster({ id: '', name: 3, leaders: 'many' }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "an id needs at least one character and no "/" or white space",
            "path": [
              "id",
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              "name",
            ],
          },
          {
            "message": "Invalid input: expected array, received string",
            "path": [
              "leaders",
            ],
          },
        ],
        "message": "Invalid roster: id: an id needs at least one character and no "/" or white space; name: Invalid input: expected string, received number; leaders: Invalid input: expected array, received string",
      }
    `);
  });

  it('leaders', () => {
    expect(
      failure(() =>
        defineRoster({
          id: 'r',
          leaders: [{ name: '', titles: [] }, { name: '李四', titles: ['县长', '县长', 5] }, { name: '李四', titles: ['县长'], aliases: ['a b'] }, 'x'],
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "a name cannot be empty",
            "path": [
              "leaders",
              0,
              "name",
            ],
          },
          {
            "message": "a name has no white space",
            "path": [
              "leaders",
              0,
              "name",
            ],
          },
          {
            "message": "a leader needs at least one title",
            "path": [
              "leaders",
              0,
              "titles",
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              "leaders",
              1,
              "titles",
              2,
            ],
          },
          {
            "message": "a name has no white space",
            "path": [
              "leaders",
              2,
              "aliases",
              0,
            ],
          },
          {
            "message": "Invalid input: expected object, received string",
            "path": [
              "leaders",
              3,
            ],
          },
          {
            "message": "duplicate title "县长"",
            "path": [
              "leaders",
              1,
              "titles",
              1,
            ],
          },
          {
            "message": "duplicate name "李四" (also leader 1)",
            "path": [
              "leaders",
              2,
              "name",
            ],
          },
        ],
        "message": "Invalid roster: leaders.0.name: a name cannot be empty; leaders.0.name: a name has no white space; leaders.0.titles: a leader needs at least one title (+5 more)",
      }
    `);
  });
});

describe('defineRuleSet validation messages', () => {
  it('shape', () => {
    expect(failure(() => defineRuleSet(null))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected object, received null",
            "path": [],
          },
        ],
        "message": "Invalid rule set: Invalid input: expected object, received null",
      }
    `);
    expect(failure(() => defineRuleSet({ id: 'a/b', name: 1, rules: {}, extra: 1 }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "an id needs at least one character and no "/" or white space",
            "path": [
              "id",
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              "name",
            ],
          },
          {
            "message": "Invalid input: expected array, received object",
            "path": [
              "rules",
            ],
          },
          {
            "message": "Unrecognized key: "extra"",
            "path": [],
          },
        ],
        "message": "Invalid rule set: id: an id needs at least one character and no "/" or white space; name: Invalid input: expected string, received number; rules: Invalid input: expected array, received object (+1 more)",
      }
    `);
  });

  it('rules of every type', () => {
    const rules = [
      { id: 'u', type: 'unknown' },
      { id: 'b', type: 'banned', terms: [], severity: 'fatal', message: '', source: '' },
      { id: 'b2', type: 'banned', terms: [''], exceptions: [''], suggestions: [1], extra: 1 },
      { id: 'r', type: 'replace', patterns: ['甲'] },
      { id: 'd', type: 'dictionary', entries: [] },
      { id: 'd2', type: 'dictionary', entries: [{ patterns: [], expected: 1, x: 1 }] },
      { id: 'x', type: 'regex', pattern: '(', flags: 'gy' },
      { id: 'x2', type: 'regex', pattern: '(a+)+$' },
      { id: 'x3', type: 'regex', pattern: '' },
      { id: 't', type: 'title', name: '', title: '' },
      { id: 'c', type: 'consistency', variants: ['甲'] },
      { id: 'c2', type: 'consistency', variants: ['甲', '甲'] },
      { id: 'k', type: 'builtin', check: 'nope' },
      { id: 'h', type: 'banned', terms: ['甲'], historical: true },
      { id: 'w', type: 'banned', terms: ['甲'], since: '2024-02-01', until: '2024-01-01' },
      { id: 'w2', type: 'banned', terms: ['甲'], since: 'yesterday', specs: [{ from: '甲' }], unlessSentenceHas: [''], safe: 'no' },
      { id: 'w', type: 'banned', terms: ['甲'] },
      { type: 'banned', terms: ['甲'] },
      'rule',
    ];
    expect(failure(() => defineRuleSet({ id: 's', rules }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid discriminator value. Expected 'banned' | 'replace' | 'dictionary' | 'regex' | 'title' | 'consistency' | 'builtin'",
            "path": [
              "rules",
              0,
              "type",
            ],
          },
          {
            "message": "Invalid option: expected one of "error"|"warning"|"info"",
            "path": [
              "rules",
              1,
              "severity",
            ],
          },
          {
            "message": "Too small: expected string to have >=1 characters",
            "path": [
              "rules",
              1,
              "message",
            ],
          },
          {
            "message": "Too small: expected string to have >=1 characters",
            "path": [
              "rules",
              1,
              "source",
            ],
          },
          {
            "message": "Too small: expected array to have >=1 items",
            "path": [
              "rules",
              1,
              "terms",
            ],
          },
          {
            "message": "a term cannot be empty",
            "path": [
              "rules",
              2,
              "terms",
              0,
            ],
          },
          {
            "message": "a term cannot be empty",
            "path": [
              "rules",
              2,
              "exceptions",
              0,
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              "rules",
              2,
              "suggestions",
              0,
            ],
          },
          {
            "message": "Unrecognized key: "extra"",
            "path": [
              "rules",
              2,
            ],
          },
          {
            "message": "Invalid input: expected string, received undefined",
            "path": [
              "rules",
              3,
              "expected",
            ],
          },
          {
            "message": "Too small: expected array to have >=1 items",
            "path": [
              "rules",
              4,
              "entries",
            ],
          },
          {
            "message": "Too small: expected array to have >=1 items",
            "path": [
              "rules",
              5,
              "entries",
              0,
              "patterns",
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              "rules",
              5,
              "entries",
              0,
              "expected",
            ],
          },
          {
            "message": "Unrecognized key: "x"",
            "path": [
              "rules",
              5,
              "entries",
              0,
            ],
          },
          {
            "message": "flags may be any of "imsuv" ("g" is implied, "y" is not allowed)",
            "path": [
              "rules",
              6,
              "flags",
            ],
          },
          {
            "message": "does not compile: Invalid flags supplied to RegExp constructor 'gyg'",
            "path": [
              "rules",
              6,
              "pattern",
            ],
          },
          {
            "message": "nested quantifiers in "(a+)+" at 0: a repeated group contains an unbounded quantifier (catastrophic backtracking)",
            "path": [
              "rules",
              7,
              "pattern",
            ],
          },
          {
            "message": "Too small: expected string to have >=1 characters",
            "path": [
              "rules",
              8,
              "pattern",
            ],
          },
          {
            "message": "a term cannot be empty",
            "path": [
              "rules",
              9,
              "name",
            ],
          },
          {
            "message": "a term cannot be empty",
            "path": [
              "rules",
              9,
              "title",
            ],
          },
          {
            "message": "Too small: expected array to have >=2 items",
            "path": [
              "rules",
              10,
              "variants",
            ],
          },
          {
            "message": "variants must be distinct",
            "path": [
              "rules",
              11,
              "variants",
            ],
          },
          {
            "message": "Invalid option: expected one of "unpaired-quotes"|"unpaired-brackets"|"unpaired-title-marks"|"mixed-width-brackets"|"halfwidth-brackets-around-chinese"|"straight-double-quotes"|"nested-quotes"|"adjacent-estimate-arabic"|"shortened-year"|"date-chinese-numerals"|"consistent-number-form"|"classification-marking-format"|"estimate-ji-arabic"|"corner-quotes"|"regions-listed-as-countries"|"mainland-inland"|"non-word"|"de-di-de"|"de-di-de-adverbial"|"de-di-de-complement"|"de-di-de-written-de"|"de-di-de-…",
            "path": [
              "rules",
              12,
              "check",
            ],
          },
          {
            "message": ""historical" needs "since" (the date the wording changed)",
            "path": [
              "rules",
              13,
              "historical",
            ],
          },
          {
            "message": ""until" must be later than "since"",
            "path": [
              "rules",
              14,
              "until",
            ],
          },
          {
            "message": "expected an ISO date (2024-01-31) or date-time (2024-01-31T08:00:00+08:00)",
            "path": [
              "rules",
              15,
              "since",
            ],
          },
          {
            "message": "Invalid input: expected string, received undefined",
            "path": [
              "rules",
              15,
              "specs",
              0,
              "to",
            ],
          },
          {
            "message": "Invalid input: expected boolean, received string",
            "path": [
              "rules",
              15,
              "safe",
            ],
          },
          {
            "message": "a term cannot be empty",
            "path": [
              "rules",
              15,
              "unlessSentenceHas",
              0,
            ],
          },
          {
            "message": "Invalid input: expected string, received undefined",
            "path": [
              "rules",
              17,
              "id",
            ],
          },
          {
            "message": "Invalid input: expected object, received string",
            "path": [
              "rules",
              18,
            ],
          },
          {
            "message": "duplicate rule id "w"",
            "path": [
              "rules",
              16,
              "id",
            ],
          },
        ],
        "message": "Invalid rule set: rules.0.type: Invalid discriminator value. Expected 'banned' | 'replace' | 'dictionary' | 'regex' | 'title' | 'consistency' | 'builtin'; rules.1.severity: Invalid option: expected one of "error"|"warning"|"info"; rules.1.message: Too small: expected string to have >=1 characters (+29 more)",
      }
    `);
  });

  it('through checkCaliber, with the set index in front', () => {
    expect(failure(() => checkCaliber('文本', [bad({ id: 's', rules: [{ id: 'r', type: 'replace', patterns: [] }] }), bad(7)]))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Too small: expected array to have >=1 items",
            "path": [
              0,
              "rules",
              0,
              "patterns",
            ],
          },
          {
            "message": "Invalid input: expected string, received undefined",
            "path": [
              0,
              "rules",
              0,
              "expected",
            ],
          },
          {
            "message": "Invalid input: expected object, received number",
            "path": [
              1,
            ],
          },
        ],
        "message": "Invalid rule sets: 0.rules.0.patterns: Too small: expected array to have >=1 items; 0.rules.0.expected: Invalid input: expected string, received undefined; 1: Invalid input: expected object, received number",
      }
    `);
  });
});

describe('applyFixes validation messages', () => {
  it('arguments', () => {
    expect(failure(() => applyFixes(bad(1), []))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected string, received number",
            "path": [],
          },
        ],
        "message": "Invalid text to fix: Invalid input: expected string, received number",
      }
    `);
    expect(failure(() => applyFixes('文本', bad([{ start: 1.5, end: -1, excerpt: 2, fix: { start: 'a', end: 0, text: 1, safe: 'x' } }, null])))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected int, received number",
            "path": [
              0,
              "start",
            ],
          },
          {
            "message": "Too small: expected number to be >=0",
            "path": [
              0,
              "end",
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              0,
              "excerpt",
            ],
          },
          {
            "message": "Invalid input: expected number, received string",
            "path": [
              0,
              "fix",
              "start",
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              0,
              "fix",
              "text",
            ],
          },
          {
            "message": "Invalid input: expected boolean, received string",
            "path": [
              0,
              "fix",
              "safe",
            ],
          },
          {
            "message": "Invalid input: expected object, received null",
            "path": [
              1,
            ],
          },
        ],
        "message": "Invalid findings: 0.start: Invalid input: expected int, received number; 0.end: Too small: expected number to be >=0; 0.excerpt: Invalid input: expected string, received number (+4 more)",
      }
    `);
    expect(failure(() => applyFixes('文本', [], bad({ unsafe: 1, other: 2 })))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected boolean, received number",
            "path": [
              "unsafe",
            ],
          },
          {
            "message": "Unrecognized key: "other"",
            "path": [],
          },
        ],
        "message": "Invalid applyFixes options: unsafe: Invalid input: expected boolean, received number; Unrecognized key: "other"",
      }
    `);
  });
});
