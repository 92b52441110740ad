import type { FileFinding, FileReport } from '../file-finding';

/**
 * SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) in the subset GitHub
 * code scanning reads: one run, the tool's rules with descriptions, and each result's
 * physical location with a 1-based region. Columns count UTF-16 code units, as govpub's do,
 * and `endColumn` is exclusive, as in SARIF.
 */

/** A SARIF 2.1.0 log (only the properties govpub writes). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    columnKind: 'utf16CodeUnits';
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: SarifLevel };
  properties?: { source?: string };
}

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number; snippet?: { text: string } };
    };
  }[];
  partialFingerprints: Record<string, string>;
}

const LEVEL: Record<FileFinding['severity'], SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

// A rule's area, for its description: the part of the id before the first '/'.
const AREA: Record<string, string> = {
  confidentiality: 'Confidentiality: classification markings and personal data / 保密：密级标志与个人信息',
  duplicates: 'Duplicate content / 重复内容',
  channel: 'Channel format and limits / 渠道格式与限制',
  import: 'Word import: hidden revisions, comments and losses / Word 导入：修订、批注与丢失内容',
};

/** Builds the SARIF log; `srcRoot` is the folder the paths are relative to (a `file://` URI). */
export function toSarif(reports: readonly FileReport[], version: string, srcRoot: string): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: SarifResult[] = [];
  for (const report of reports) {
    const uri = report.path.split(/[\\/]/).map(encodeURIComponent).join('/');
    for (const f of report.findings) {
      let index = ruleIndex.get(f.ruleId);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(f.ruleId, index);
        const area = f.ruleId.split('/')[0] ?? f.ruleId;
        const rule: SarifRule = {
          id: f.ruleId,
          name: f.ruleId.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ? c.toUpperCase() : '')),
          shortDescription: { text: AREA[area] ?? `Caliber rule set "${area}" / 口径规则集` },
          defaultConfiguration: { level: LEVEL[f.severity] },
        };
        if (f.source) rule.properties = { source: f.source };
        rules.push(rule);
      }
      results.push({
        ruleId: f.ruleId,
        ruleIndex: index,
        level: LEVEL[f.severity],
        message: { text: f.suggestions?.length ? `${f.message} (${f.suggestions.join('; ')})` : f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
                ...(f.excerpt ? { snippet: { text: f.excerpt } } : {}),
              },
            },
          },
        ],
        // Stable across runs for the same finding in the same place, so code scanning can track it.
        partialFingerprints: { 'govpubFinding/v1': `${f.ruleId}:${f.excerpt}:${f.line}` },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'govpub', version, informationUri: 'https://www.npmjs.com/package/govpub', rules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/` } },
        results,
      },
    ],
  };
}
