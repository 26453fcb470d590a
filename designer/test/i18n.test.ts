// English is complete wherever Chinese is: every message of the app (src/app/i18n.tsx) and every
// permission / ability / role word (src/app/permissions.tsx) has an English text that is not empty,
// not the Chinese text again and free of Chinese characters (but for the switch back to 中文), with
// the same {placeholders} as the Chinese one.
import { describe, expect, it } from 'vitest';
import { en, translator, zh, type MessageKey } from '../src/app/i18n';
import { ABILITY_WORDS, PERMISSION_WORDS, ROLE_WORDS } from '../src/app/permissions';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** English texts that name the other language on purpose. */
const MAY_BE_CHINESE: MessageKey[] = ['langSwitch'];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('English is complete wherever Chinese is', () => {
  it('has the same keys in both dictionaries', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('has an English text for every Chinese one: not empty, not Chinese, same placeholders', () => {
    const problems: string[] = [];
    for (const key of Object.keys(zh) as MessageKey[]) {
      const z = zh[key];
      const e = en[key];
      if (typeof e !== 'string' || !e.trim()) problems.push(`${key}: empty`);
      else if (CJK.test(z) && e === z) problems.push(`${key}: same as Chinese`);
      else if (CJK.test(e) && !MAY_BE_CHINESE.includes(key)) problems.push(`${key}: Chinese in English "${e}"`);
      else if (placeholders(z).join() !== placeholders(e).join()) problems.push(`${key}: placeholders ${placeholders(z).join()} vs ${placeholders(e).join()}`);
    }
    expect(problems).toEqual([]);
  });

  it('says every permission, ability and role in both languages', () => {
    for (const [name, words] of Object.entries({ ...PERMISSION_WORDS, ...ABILITY_WORDS, ...ROLE_WORDS })) {
      expect(words['zh-CN'], name).toMatch(CJK);
      expect(words.en.trim(), name).not.toBe('');
      expect(words.en, name).not.toMatch(CJK);
    }
  });

  it('translates in the chosen language and fills the placeholders', () => {
    expect(translator('en')('draftSaved', { revision: 3 })).toBe('Draft saved (revision 3)');
    expect(translator('zh-CN')('draftSaved', { revision: 3 })).toBe('草稿已保存（第 3 版）');
  });
});
