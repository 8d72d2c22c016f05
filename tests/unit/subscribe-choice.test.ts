import fc from 'fast-check';
import configured from '../../config/subscribe-templates.json';
import { MAX_TEMPLATES_PER_PROMPT, grantedKeys, templatesToAsk, type TemplateAsk } from '../../src/shared/domain/subscribe-choice';
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from '../../src/shared/domain/subscribe-templates';

const TEMPLATES: Record<SubscribeTemplateKey, { templateId: string }> = {
  task: { templateId: 'tmpl-task' },
  progress: { templateId: 'tmpl-progress' },
  notice: { templateId: 'tmpl-notice' },
};

describe('templatesToAsk: which templates a tap asks for', () => {
  test('the wanted keys with their template ids, in the order asked', () => {
    expect(templatesToAsk(['progress', 'notice'], TEMPLATES)).toEqual([
      { key: 'progress', templateId: 'tmpl-progress' },
      { key: 'notice', templateId: 'tmpl-notice' },
    ]);
    expect(templatesToAsk(['task', 'notice'], TEMPLATES).map((ask) => ask.key)).toEqual(['task', 'notice']);
  });

  test('keys without a template id (not configured in this environment) are skipped', () => {
    expect(templatesToAsk(['progress', 'notice'], { ...TEMPLATES, progress: { templateId: '' } })).toEqual([{ key: 'notice', templateId: 'tmpl-notice' }]);
    expect(templatesToAsk(['task'], { ...TEMPLATES, task: { templateId: '   ' } })).toEqual([]);
  });

  test('the shipped config is read as it is: exactly the keys given an id are asked for', () => {
    const withIds = SUBSCRIBE_TEMPLATE_KEYS.filter((key) => configured[key].templateId.trim() !== '');
    expect(templatesToAsk([...SUBSCRIBE_TEMPLATE_KEYS], configured).map((ask) => ask.key)).toEqual(withIds);
  });

  test('each template once: a repeated key, or two keys sharing one template, is asked for once', () => {
    expect(templatesToAsk(['notice', 'notice'], TEMPLATES)).toEqual([{ key: 'notice', templateId: 'tmpl-notice' }]);
    const shared = { ...TEMPLATES, notice: { templateId: 'tmpl-progress' } };
    expect(templatesToAsk(['progress', 'notice'], shared)).toEqual([{ key: 'progress', templateId: 'tmpl-progress' }]);
  });

  test('no key is asked for that is not a template key', () => {
    expect(templatesToAsk(['bogus' as SubscribeTemplateKey, 'task'], TEMPLATES)).toEqual([{ key: 'task', templateId: 'tmpl-task' }]);
  });

  test('property: never more than five, never an empty id, never the same id twice', () => {
    const key = fc.constantFrom(...SUBSCRIBE_TEMPLATE_KEYS);
    const id = fc.constantFrom('', 'a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(fc.array(key, { maxLength: 20 }), id, id, id, (keys, task, progress, notice) => {
        const asks = templatesToAsk(keys, { task: { templateId: task }, progress: { templateId: progress }, notice: { templateId: notice } });
        expect(asks.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_PROMPT);
        expect(asks.every((ask) => ask.templateId !== '')).toBe(true);
        expect(new Set(asks.map((ask) => ask.templateId)).size).toBe(asks.length);
        expect(asks.every((ask) => keys.includes(ask.key))).toBe(true);
      }),
    );
  });
});

describe('grantedKeys: which answers count as granted', () => {
  const asked: TemplateAsk[] = [
    { key: 'task', templateId: 'tmpl-task' },
    { key: 'notice', templateId: 'tmpl-notice' },
  ];

  test('only "accept" counts', () => {
    expect(grantedKeys(asked, { errMsg: 'requestSubscribeMessage:ok', 'tmpl-task': 'accept', 'tmpl-notice': 'accept' })).toEqual(['task', 'notice']);
    expect(grantedKeys(asked, { errMsg: 'requestSubscribeMessage:ok', 'tmpl-task': 'accept', 'tmpl-notice': 'reject' })).toEqual(['task']);
    for (const answer of ['reject', 'ban', 'filter', 'ACCEPT', '', true, 1]) {
      expect(grantedKeys(asked, { 'tmpl-task': answer, 'tmpl-notice': answer })).toEqual([]);
    }
  });

  test('templates not asked about, missing answers and odd results grant nothing', () => {
    expect(grantedKeys(asked, { 'tmpl-progress': 'accept' })).toEqual([]);
    expect(grantedKeys(asked, {})).toEqual([]);
    expect(grantedKeys(asked, null)).toEqual([]);
    expect(grantedKeys(asked, 'accept')).toEqual([]);
    expect(grantedKeys(asked, undefined)).toEqual([]);
    expect(grantedKeys([], { 'tmpl-task': 'accept' })).toEqual([]);
  });

  test('asking for what a request submit wants, then reading the answer', () => {
    const asks = templatesToAsk(['progress', 'notice'], TEMPLATES);
    const answer = { errMsg: 'requestSubscribeMessage:ok', 'tmpl-progress': 'accept', 'tmpl-notice': 'reject' };
    expect(grantedKeys(asks, answer)).toEqual(['progress']);
  });
});
