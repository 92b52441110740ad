import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { createPublisher, isGovpubError, memoryAdapter, type StorageAdapter } from '../../src/index';
import { migrate, postgresAdapter } from '../../src/postgres/index';

const author = { id: 'zhang.wei', roles: ['author' as const], department: 'office' };

describe('both adapters treat text the same way', () => {
  const db = new PGlite();
  afterAll(() => db.close());
  const adapters: [string, () => Promise<StorageAdapter>][] = [
    ['memory', async () => memoryAdapter()],
    [
      'PGlite',
      async () => {
        await migrate(db, { schema: 'text_rules' });
        return postgresAdapter({ client: db, schema: 'text_rules' });
      },
    ],
  ];

  for (const [name, make] of adapters) {
    it(`${name}: a lone surrogate is VALIDATION naming the document, and nothing is stored (failed before: PostgreSQL threw a raw 22P02, memory stored it)`, async () => {
      const storage = await make();
      const publisher = createPublisher({ storage, caliber: false, idGenerator: () => `lone-${name}` });
      const error = await publisher.createDraft({ title: '通知', body: `正文\uD800结束`, level: 'public' }, author).catch((e: unknown) => e);
      expect(isGovpubError(error) && error.code).toBe('VALIDATION');
      expect(isGovpubError(error) && JSON.stringify(error.details?.issues)).toContain('document');
      expect(await storage.getDocument(`lone-${name}`)).toBeNull();
    });

    it(`${name}: paired surrogates (emoji) and literal backslashes are stored as given`, async () => {
      const storage = await make();
      const publisher = createPublisher({ storage, caliber: false, idGenerator: () => `pair-${name}` });
      const doc = await publisher.createDraft({ title: '通知', body: '点赞👍 路径 C:\\ud800', level: 'public' }, author);
      expect((await storage.getDocument(doc.id))?.body).toBe('点赞👍 路径 C:\\ud800');
    });
  }
});
