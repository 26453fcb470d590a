// rjsf's own interface strings (submit button, error list title, array buttons) in Chinese.
import { englishStringTranslator, replaceStringParameters, TranslatableString } from '@rjsf/utils';
import type { Locale } from '../types';

const ZH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '第 %1 项',
  [TranslatableString.MissingItems]: '缺少列表项定义',
  [TranslatableString.EmptyArray]: '暂无内容，请点击下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '请检查以下内容',
  [TranslatableString.NewStringDefault]: '新值',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.ExpandButton]: '展开',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.PreviewLabel]: '预览',
  [TranslatableString.DecrementAriaLabel]: '减一',
  [TranslatableString.IncrementAriaLabel]: '加一',
  [TranslatableString.OptionalObjectAdd]: '填写此可选项',
  [TranslatableString.OptionalObjectRemove]: '清除此可选项',
  [TranslatableString.OptionalObjectEmptyMsg]: '此可选项未填写',
  [TranslatableString.Type]: '类型',
  [TranslatableString.Value]: '值',
  [TranslatableString.ClearButton]: '清空',
  [TranslatableString.UnknownFieldType]: '未知的字段类型 %1',
  [TranslatableString.OptionPrefix]: '选项 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 选项 %2',
  [TranslatableString.KeyLabel]: '%1 键',
  [TranslatableString.DeprecatedLabel]: '%1（已停用）',
  [TranslatableString.UnsupportedField]: '不支持的字段定义。',
  [TranslatableString.FilesInfo]: '**%1**（%2，%3 字节）',
};

/** rjsf's `translateString` for the locale; strings without a translation fall back to English. */
export function translatorFor(locale: Locale): (key: TranslatableString, params?: string[]) => string {
  if (locale === 'en') return englishStringTranslator;
  return (key, params) => {
    const text = ZH[key];
    return text === undefined ? englishStringTranslator(key, params) : replaceStringParameters(text, params);
  };
}
