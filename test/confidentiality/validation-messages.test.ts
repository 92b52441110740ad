import { describe, expect, it } from 'vitest';
import { checkClearance, detectSensitive, findMarkings, parseMarking, redact, requiredLevel } from '../../src/confidentiality/index';
import { visibleText } from '../../src/text/index';
import { validationFailure } from '../errors/validation-failure';

// Pins the exact VALIDATION errors (message, and each issue's path and message) of the
// confidentiality API's boundary checks, so that a change in how they are validated (zod's
// classic API, zod/mini for a smaller browser bundle) cannot change what a host shows.
const failure = validationFailure;

const bad = (value: unknown) => value as never;

describe('detectSensitive validation messages', () => {
  it('text', () => {
    expect(failure(() => detectSensitive(bad(null)))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected string, received null",
            "path": [],
          },
        ],
        "message": "Invalid detectSensitive text: Invalid input: expected string, received null",
      }
    `);
  });

  it('options', () => {
    expect(
      failure(() =>
        detectSensitive('文本', bad({ kinds: ['mobile', 'dna'], minConfidence: 2, now: new Date(Number.NaN), contextWindow: 1.5, organizationDomains: ['not a domain', 'gov.cn', 5], other: 1 })),
      ),
    ).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid option: expected one of "id-card"|"credit-code"|"mobile"|"landline"|"bank-card"|"email"|"passport"|"classification-marking"|"internal-marking"",
            "path": [
              "kinds",
              1,
            ],
          },
          {
            "message": "Too big: expected number to be <=1",
            "path": [
              "minConfidence",
            ],
          },
          {
            "message": "Invalid input: expected date, received Date",
            "path": [
              "now",
            ],
          },
          {
            "message": "Invalid input: expected int, received number",
            "path": [
              "contextWindow",
            ],
          },
          {
            "message": "a domain name such as yunchuan.gov.cn",
            "path": [
              "organizationDomains",
              0,
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              "organizationDomains",
              2,
            ],
          },
          {
            "message": "Unrecognized key: "other"",
            "path": [],
          },
        ],
        "message": "Invalid detectSensitive options: kinds.1: Invalid option: expected one of "id-card"|"credit-code"|"mobile"|"landline"|"bank-card"|"email"|"passport"|"classification-marking"|"internal-marking"; minConfidence: Too big: expected number to be <=1; now: Invalid input: expected date, received Date (+4 more)",
      }
    `);
    expect(failure(() => detectSensitive('文本', bad({ minConfidence: -1, contextWindow: 201, now: '2024-01-01', kinds: 'mobile' })))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected array, received string",
            "path": [
              "kinds",
            ],
          },
          {
            "message": "Too small: expected number to be >=0",
            "path": [
              "minConfidence",
            ],
          },
          {
            "message": "Invalid input: expected date, received string",
            "path": [
              "now",
            ],
          },
          {
            "message": "Too big: expected number to be <=200",
            "path": [
              "contextWindow",
            ],
          },
        ],
        "message": "Invalid detectSensitive options: kinds: Invalid input: expected array, received string; minConfidence: Too small: expected number to be >=0; now: Invalid input: expected date, received string (+1 more)",
      }
    `);
    expect(failure(() => detectSensitive('文本', bad(null)))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected object, received null",
            "path": [],
          },
        ],
        "message": "Invalid detectSensitive options: Invalid input: expected object, received null",
      }
    `);
  });
});

describe('findMarkings and parseMarking validation messages', () => {
  it('text', () => {
    expect(failure(() => findMarkings(bad(5)))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected string, received number",
            "path": [],
          },
        ],
        "message": "Invalid findMarkings text: Invalid input: expected string, received number",
      }
    `);
    expect(failure(() => parseMarking(bad(undefined)))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected string, received undefined",
            "path": [],
          },
        ],
        "message": "Invalid findMarkings text: Invalid input: expected string, received undefined",
      }
    `);
  });
});

describe('redact validation messages', () => {
  it('arguments', () => {
    expect(failure(() => redact(bad(1), bad('x')))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              "text",
            ],
          },
          {
            "message": "Invalid input: expected array, received string",
            "path": [
              "findings",
            ],
          },
        ],
        "message": "Invalid redact arguments: text: Invalid input: expected string, received number; findings: Invalid input: expected array, received string",
      }
    `);
    expect(
      failure(() => redact('文本', bad([{ start: -1, end: 'x', kind: 'dna', excerpt: 1 }, 3]), bad({ mode: 'hide', maskChar: 'ab', other: 1 }))),
    ).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Too small: expected number to be >=0",
            "path": [
              "findings",
              0,
              "start",
            ],
          },
          {
            "message": "Invalid input: expected number, received string",
            "path": [
              "findings",
              0,
              "end",
            ],
          },
          {
            "message": "Invalid option: expected one of "id-card"|"credit-code"|"mobile"|"landline"|"bank-card"|"email"|"passport"|"classification-marking"|"internal-marking"",
            "path": [
              "findings",
              0,
              "kind",
            ],
          },
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              "findings",
              0,
              "excerpt",
            ],
          },
          {
            "message": "Invalid input: expected object, received number",
            "path": [
              "findings",
              1,
            ],
          },
          {
            "message": "Invalid option: expected one of "mask"|"label"|"remove"",
            "path": [
              "options",
              "mode",
            ],
          },
          {
            "message": "maskChar must be one UTF-16 character",
            "path": [
              "options",
              "maskChar",
            ],
          },
          {
            "message": "Unrecognized key: "other"",
            "path": [
              "options",
            ],
          },
        ],
        "message": "Invalid redact arguments: findings.0.start: Too small: expected number to be >=0; findings.0.end: Invalid input: expected number, received string; findings.0.kind: Invalid option: expected one of "id-card"|"credit-code"|"mobile"|"landline"|"bank-card"|"email"|"passport"|"classification-marking"|"internal-marking" (+5 more)",
      }
    `);
    expect(failure(() => redact('文本', [{ start: 1, end: 0 }, { start: 0, end: 9 }, { start: 0, end: 1, excerpt: '本' }]))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "end is before start",
            "path": [
              "findings",
              0,
              "end",
            ],
          },
          {
            "message": "end 9 is past the text (length 2)",
            "path": [
              "findings",
              1,
              "end",
            ],
          },
          {
            "message": "excerpt does not match the text at start…end: finding of another text?",
            "path": [
              "findings",
              2,
              "excerpt",
            ],
          },
        ],
        "message": "Invalid redact arguments: findings.0.end: end is before start",
      }
    `);
  });
});

describe('checkClearance, requiredLevel and visibleText validation messages', () => {
  it('arguments', () => {
    expect(failure(() => checkClearance(bad('top'), bad([{ id: '', clearance: 'open' }, 'x'])))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid option: expected one of "public"|"internal"|"secret"|"confidential"|"top-secret"",
            "path": [
              "level",
            ],
          },
          {
            "message": "Too small: expected string to have >=1 characters",
            "path": [
              "channels",
              0,
              "id",
            ],
          },
          {
            "message": "Invalid option: expected one of "public"|"internal"|"secret"|"confidential"|"top-secret"",
            "path": [
              "channels",
              0,
              "clearance",
            ],
          },
          {
            "message": "Invalid input: expected object, received string",
            "path": [
              "channels",
              1,
            ],
          },
        ],
        "message": "Invalid checkClearance arguments: level: Invalid option: expected one of "public"|"internal"|"secret"|"confidential"|"top-secret"; channels.0.id: Too small: expected string to have >=1 characters; channels.0.clearance: Invalid option: expected one of "public"|"internal"|"secret"|"confidential"|"top-secret" (+1 more)",
      }
    `);
    expect(failure(() => requiredLevel('正文', bad(3)))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected string, received number",
            "path": [
              1,
            ],
          },
        ],
        "message": "Invalid requiredLevel texts: 1: Invalid input: expected string, received number",
      }
    `);
    expect(failure(() => visibleText(bad(1)))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid input: expected string, received number",
            "path": [],
          },
        ],
        "message": "Invalid visibleText source: Invalid input: expected string, received number",
      }
    `);
    expect(failure(() => visibleText('正文', bad({ markup: 'rtf', other: 1 })))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "message": "Invalid option: expected one of "html"|"markdown"|"none"",
            "path": [
              "markup",
            ],
          },
          {
            "message": "Unrecognized key: "other"",
            "path": [],
          },
        ],
        "message": "Invalid visibleText options: markup: Invalid option: expected one of "html"|"markdown"|"none"; Unrecognized key: "other"",
      }
    `);
  });
});
