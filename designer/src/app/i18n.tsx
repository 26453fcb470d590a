// zh-CN first, English second. `t(key, vars)` looks the key up in the current language; a key
// missing in English falls back to Chinese (the test checks both dictionaries have the same keys).
import { createContext, useContext, type ReactNode } from 'react';

export type Lang = 'zh-CN' | 'en';

export const zh = {
  appName: '一站 · 综治中心工作平台',
  login: '登录', logout: '退出', username: '用户名', password: '密码', loginFailed: '登录失败',
  loginHint: '演示账号：admin / integrator / leader / 工作人员，密码 demo1234',
  navWorkspace: '工作台', navInbox: '待办', navCases: '案件', navNewCase: '受理登记', navDashboard: '统计分析',
  navAdmin: '管理', navPacks: '流程包',
  langSwitch: 'English',
  inbox: '待办事项', scopeInbox: '全部待办', scopeMine: '我认领的', scopeDepartment: '本部门', overdue: '已超期',
  colGreen: '正常', colYellow: '临期', colRed: '超期',
  caseNo: '案件编号', taskName: '办理环节', caseTitle: '案件', dueAt: '办理时限', assignee: '认领人', actions: '操作',
  claim: '认领', unclaim: '释放', handle: '办理', open: '打开', noTasks: '暂无待办',
  taskForm: '办理表单', submit: '提交', completed: '已办结', taskDone: '已提交，任务办结',
  returnTask: '退回', returnReason: '退回理由', transfer: '转办', transferTo: '转办部门', reason: '理由',
  waitingMessages: '可发送的消息', messageSent: '已送达，流程已继续', messageConfirm: '确认发送「{name}」？案件将按流程继续。',
  returned: '已退回综治中心重新分流', transferred: '已转办', claimed: '已认领', unclaimed: '已释放',
  notActionable: '该任务不属于您或您的部门，只能查看', claimFirst: '请先认领再办理', noForm: '此环节无需填写表单',
  cases: '案件列表', status: '状态', type: '类型', unit: '发生地', createdAt: '受理时间', search: '搜索',
  statusActive: '办理中', statusCompleted: '已办结', statusIncident: '异常', statusFailed: '失败', statusWithdrawn: '已撤回', statusRefused: '不予受理',
  newCase: '受理登记', process: '流程', startCase: '提交受理', caseStarted: '已受理，案件编号',
  chooseProcess: '请选择流程', chooseProcessFirst: '请先选择本案适用的流程（所在县的流程）', noStartableProcess: '您所在的单位没有可用于受理的流程，请联系管理员部署本县的流程包',
  attachments: '附件', uploadAttachment: '上传附件', noAttachments: '暂无附件', download: '下载',
  caseView: '案件详情', timeline: '办理过程', routing: '分流决定', explanation: '分流依据', diagram: '流程图',
  openTasks: '当前待办', variables: '受理信息', noRouting: '尚未分流', rulesApplied: '适用规则',
  ruleFired: '命中', ruleApplied: '采用', ruleNotFired: '未命中',
  packs: '流程包', packVersions: '版本', packId: '标识', packName: '名称', version: '版本号', deployedAt: '部署时间',
  deployedBy: '部署人', openPack: '打开', openLocal: '打开本地流程包文件夹', deploy: '部署新版本', deployed: '已部署版本',
  deployFailed: '部署未通过校验', problems: '问题', noProblems: '未发现问题', validateHere: '本地检查',
  tabProcess: '流程图', tabRules: '分流规则', tabForms: '表单', tabManifest: 'pack.json', tabFiles: '文件',
  packFilesUnavailable: '服务器未提供流程包文件，请打开本地流程包文件夹',
  newVersion: '新版本号',
  // rules editor
  rules: '规则', addRule: '添加规则', ruleName: '规则名称', priority: '优先级', group: '分组', hitPolicy: '命中策略',
  conditions: '条件', decision: '决定', description: '说明', deleteRule: '删除规则', jsonView: 'JSON',
  visualView: '可视化', tryRun: '试运行', sampleFacts: '示例事实（JSON）', run: '运行', result: '结果',
  departments: '办理部门', level: '层级', leadUnit: '牵头单位', joint: '联合调解', caseClass: '案件等级', dueIn: '时限',
  defaults: '默认决定', applyJson: '应用 JSON', invalidJson: 'JSON 格式错误',
  // form designer
  fields: '字段', addField: '添加字段', fieldKey: '字段标识', fieldTitle: '标题', fieldType: '类型', required: '必填',
  fieldEnum: '选项（每行一个：值=显示名）', fieldFormat: '格式', fieldWidget: '控件', moveUp: '上移', moveDown: '下移',
  remove: '删除', preview: '预览', schemaJson: '表单 JSON', newForm: '新建表单', formKey: '表单标识',
  // modeler
  modelerLoading: '正在加载流程设计器…', lint: '检查', lintErrors: '流程检查', fitView: '适应画布',
  viewerLoading: '正在加载流程图…', current: '当前环节', diagramUnavailable: '无法取得流程图',
  save: '保存', cancel: '取消', ok: '确定', loading: '加载中…', error: '出错了', retry: '重试', back: '返回',
  yes: '是', no: '否', none: '无',
  pageError: '此页面出错了', pageErrorHint: '页面未能显示，其他页面不受影响。可以重试，或返回后再打开；问题持续时请把下面的错误信息告诉管理员。',
  errorInfo: '错误信息', menu: '菜单',
  // case data, task page, notifications, print
  steps: '办理环节记录', caseDetails: '案件信息', caseHistory: '办理过程',
  returnedToYou: '此任务被退回：{from} → {to}', transferredToYou: '此任务被转办：{from} → {to}', handoverBy: '{actor} 于 {at}',
  noReason: '未填写理由',
  newTaskNotice: '新待办', newTaskText: '案件 {number}「{name}」已到您的待办', taskTurnedYellow: '待办临期',
  taskTurnedRed: '待办超期', taskColourText: '案件 {number}「{name}」办理时限 {due}',
  printReceipt: '打印回执', printCase: '打印案卷', print: '打印', receiptTitle: '受理回执', caseFileTitle: '案卷',
  receivedAt: '受理日期', applicant: '当事人', receivingUnit: '受理单位', receiptNote: '请妥善保管本回执，凭案件编号查询办理进度。',
  qrCaption: '扫码查询案件编号', outcome: '办理结果', decisions: '分流决定', printedAt: '打印时间', caseStartedPrint: '请为当事人打印受理回执，交其保存',
  // roles and read-only views (modeler-zh)
  packReadOnly: '只读：您的角色可以查看流程包，不能修改或部署',
  notAllowedTitle: '您的角色（{role}）不能{what}',
  notAllowedCreateCase: '受理登记由综治中心工作人员或管理员办理；审计人员和领导可以在「案件」中查看已受理的案件。',
  notAllowedHint: '如需此权限，请联系系统管理员调整您的角色。',
  forbiddenPrefix: '无权限',
  // rules editor (modeler-zh)
  hitFirst: 'FIRST 第一条命中', hitCollect: 'COLLECT 全部命中', hitUnique: 'UNIQUE 唯一命中', rulesProblems: '规则检查发现 {n} 个问题',
  nProblems: '{n} 个问题', defaultsHint: '默认决定（没有规则设置时）', fixRulesFirst: '请先修正规则中的问题', tryRunByForm: '按受理表单填写',
  // dashboard (modeler-zh)
  dashBy: '按{group}', dashByType: '类型', dashByUnit: '单位', dashByLevel: '层级', dashByDepartment: '部门', dashByMonth: '月份',
  dashClosureRate: '办结率', dashSuccessRate: '调处成功率', dashSatisfactionRate: '满意率', dashOnTimeRate: '按时办结率',
  dashReceived: '受理', dashClosed: '办结', dashOverdue: '超期', dashOverdueOpen: '超期未办结', dashUnitCases: '件',
  dashClosedNote: '{n} 件办结', dashUnset: '（未填）', dashPieTip: '{b}：{c} 件（{d}%）', dashEvaluation: '一事一评价',
  dashFrom: '受理起', dashTo: '受理止', dashExportXlsx: '导出 Excel', dashExportCsv: '导出 CSV',
  dashBarTitle: '{by}：数量与比率（点击下钻）', dashPieTitle: '{by}：受理占比', dashTrend: '月度趋势', dashLevelTitle: '按层级（县 / 乡镇 / 村）',
  dashTableTitle: '{by}统计表', dashDrill: '下钻：{label}', dashClose: '关闭', dashSupervision: '督办：超期与预警',
  dashHandledBy: '承办', dashResult: '调处结果', dashRating: '评价', dashOnTime: '按时', dashRed: '红牌超期', dashYellow: '黄牌预警',
  lintSummary: '流程检查：{errors} 个错误，{warnings} 个提示', severityError: '错误', severityWarning: '提示', deployCheck: '部署检查',
  // ---- drafts (pack drafts, local form drafts), users and org, phone photos (issue 17: 3, 9, 10) ----
  formDraftRestored: '已恢复 {at} 未提交的填写内容', formDraftDiscard: '清除草稿', draftOpenNow: '正在编辑', userUnit: '所属单位',
  packDrafts: '草稿', saveDraft: '保存草稿', draftSaved: '草稿已保存（第 {revision} 版）', draftTitle: '草稿说明',
  draftDefaultTitle: '{user} 的修改', draftCompare: '与已部署版本对比', draftDelete: '删除草稿', draftDeleted: '草稿已删除',
  draftDeleteConfirm: '删除草稿「{title}」？删除后不能恢复。', noDrafts: '暂无草稿。修改流程图、规则或表单后点「保存草稿」，可稍后继续或部署。',
  draftCurrent: '正在编辑草稿「{title}」：第 {revision} 版，{by} 保存于 {at}', draftBase: '依据版本', draftLastSaved: '最后保存',
  draftShared: '草稿属于流程包，本辖区可部署该包的管理员都能看到、继续编辑和部署；部署成功后草稿删除。',
  draftEditing: '编辑器中的当前内容', unsavedChanges: '有未保存的修改', leaveUnsaved: '流程包有未保存的修改，离开将丢失这些修改。确定离开？', closeDraft: '关闭草稿',
  diffTitle: '与已部署版本 {version} 的差异', diffAdded: '新增', diffRemoved: '删除', diffChanged: '修改', diffNone: '与已部署版本相同，没有修改',
  diffRulesAdded: '新增规则：{names}', diffRulesRemoved: '删除规则：{names}', diffRulesChanged: '修改规则：{names}',
  diffFieldsAdded: '新增字段：{names}', diffFieldsRemoved: '删除字段：{names}', diffFieldsChanged: '修改字段：{names}',
  diffKeysChanged: '修改的设置：{names}', diffLines: '增加 {added} 行，删除 {removed} 行', diffUnreadable: '无法解析，按文本比较',
  navUsers: '用户与组织', usersTitle: '用户与组织', orgTree: '组织架构', allUnits: '全部单位', addUser: '新建用户',
  displayName: '姓名', role: '角色', userActive: '正常', userDisabled: '已停用', disableUser: '停用', enableUser: '启用',
  moveUser: '调动', moveUserTitle: '调动「{name}」到其他单位或部门', userCreated: '已创建用户 {name}', userSaved: '已保存',
  disableConfirm: '停用「{name}」？该用户立即退出登录，之后不能登录，直到再次启用。', passwordHint: '至少 8 个字符，请当面告知本人',
  unitUsers: '{unit}（含下级单位）的用户', noUsers: '暂无用户', demoAccount: '演示账号', usersCount: '{n} 人', selfHint: '（本人）',
  takePhoto: '拍照上传',
};

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = {
  appName: 'Yizhan · Governance Centre Workspace',
  login: 'Log in', logout: 'Log out', username: 'Username', password: 'Password', loginFailed: 'Login failed',
  loginHint: 'Demo accounts: admin / integrator / leader / staff, password demo1234',
  navWorkspace: 'Workspace', navInbox: 'Inbox', navCases: 'Cases', navNewCase: 'New case', navDashboard: 'Dashboard',
  navAdmin: 'Admin', navPacks: 'Packs',
  langSwitch: '中文',
  inbox: 'Inbox', scopeInbox: 'All', scopeMine: 'Claimed by me', scopeDepartment: 'My department', overdue: 'Overdue',
  colGreen: 'On time', colYellow: 'Due soon', colRed: 'Overdue',
  caseNo: 'Case no.', taskName: 'Step', caseTitle: 'Case', dueAt: 'Due', assignee: 'Assignee', actions: 'Actions',
  claim: 'Claim', unclaim: 'Release', handle: 'Handle', open: 'Open', noTasks: 'Nothing to do',
  taskForm: 'Task form', submit: 'Submit', completed: 'Completed', taskDone: 'Submitted, task completed',
  returnTask: 'Return', returnReason: 'Reason for returning', transfer: 'Transfer', transferTo: 'Transfer to', reason: 'Reason',
  waitingMessages: 'Messages it waits for', messageSent: 'Delivered; the case moved on', messageConfirm: 'Send “{name}”? The case will move on.',
  returned: 'Returned to the centre for re-routing', transferred: 'Transferred', claimed: 'Claimed', unclaimed: 'Released',
  notActionable: 'This task is not yours or your department\'s: view only', claimFirst: 'Claim the task first', noForm: 'No form for this step',
  cases: 'Cases', status: 'Status', type: 'Type', unit: 'Location', createdAt: 'Received', search: 'Search',
  statusActive: 'Active', statusCompleted: 'Closed', statusIncident: 'Incident', statusFailed: 'Failed', statusWithdrawn: 'Withdrawn', statusRefused: 'Refused',
  newCase: 'New case', process: 'Process', startCase: 'Register', caseStarted: 'Registered, case no.',
  chooseProcess: 'Choose a process', chooseProcessFirst: 'Choose the process for this case first (your county\'s)', noStartableProcess: 'No process is available for intake in your unit; ask an administrator to deploy your county\'s pack',
  attachments: 'Attachments', uploadAttachment: 'Upload', noAttachments: 'No attachments', download: 'Download',
  caseView: 'Case', timeline: 'Timeline', routing: 'Routing', explanation: 'Why', diagram: 'Diagram',
  openTasks: 'Open tasks', variables: 'Intake data', noRouting: 'Not routed yet', rulesApplied: 'Rules applied',
  ruleFired: 'fired', ruleApplied: 'applied', ruleNotFired: 'not fired',
  packs: 'Process packs', packVersions: 'Versions', packId: 'Id', packName: 'Name', version: 'Version', deployedAt: 'Deployed',
  deployedBy: 'By', openPack: 'Open', openLocal: 'Open a local pack folder', deploy: 'Deploy new version', deployed: 'Deployed version',
  deployFailed: 'The pack did not pass validation', problems: 'Problems', noProblems: 'No problems', validateHere: 'Check here',
  tabProcess: 'Process', tabRules: 'Routing rules', tabForms: 'Forms', tabManifest: 'pack.json', tabFiles: 'Files',
  packFilesUnavailable: 'The server does not provide the pack files: open a local pack folder',
  newVersion: 'New version',
  rules: 'Rules', addRule: 'Add rule', ruleName: 'Rule name', priority: 'Priority', group: 'Group', hitPolicy: 'Hit policy',
  conditions: 'Conditions', decision: 'Decision', description: 'Description', deleteRule: 'Delete rule', jsonView: 'JSON',
  visualView: 'Visual', tryRun: 'Try it', sampleFacts: 'Sample facts (JSON)', run: 'Run', result: 'Result',
  departments: 'Departments', level: 'Level', leadUnit: 'Lead unit', joint: 'Joint mediation', caseClass: 'Case class', dueIn: 'Time limit',
  defaults: 'Defaults', applyJson: 'Apply JSON', invalidJson: 'Invalid JSON',
  fields: 'Fields', addField: 'Add field', fieldKey: 'Key', fieldTitle: 'Title', fieldType: 'Type', required: 'Required',
  fieldEnum: 'Options (one per line: value=label)', fieldFormat: 'Format', fieldWidget: 'Widget', moveUp: 'Up', moveDown: 'Down',
  remove: 'Remove', preview: 'Preview', schemaJson: 'Form JSON', newForm: 'New form', formKey: 'Form key',
  modelerLoading: 'Loading the process designer…', lint: 'Check', lintErrors: 'Process check', fitView: 'Fit',
  viewerLoading: 'Loading the diagram…', current: 'Current step', diagramUnavailable: 'Diagram unavailable',
  save: 'Save', cancel: 'Cancel', ok: 'OK', loading: 'Loading…', error: 'Error', retry: 'Retry', back: 'Back',
  yes: 'Yes', no: 'No', none: 'None',
  pageError: 'This page failed', pageErrorHint: 'The page could not be shown; other pages still work. Retry, or go back and open it again; if it keeps failing, tell the administrator the error below.',
  errorInfo: 'Error', menu: 'Menu',
  steps: 'Completed steps', caseDetails: 'Case details', caseHistory: 'Timeline',
  returnedToYou: 'This task was returned: {from} → {to}', transferredToYou: 'This task was transferred: {from} → {to}', handoverBy: 'by {actor} at {at}',
  noReason: 'No reason given',
  newTaskNotice: 'New task', newTaskText: 'Case {number} “{name}” is in your inbox', taskTurnedYellow: 'Task due soon',
  taskTurnedRed: 'Task overdue', taskColourText: 'Case {number} “{name}” due {due}',
  printReceipt: 'Print receipt', printCase: 'Print case file', print: 'Print', receiptTitle: 'Intake receipt', caseFileTitle: 'Case file',
  receivedAt: 'Received', applicant: 'Applicant', receivingUnit: 'Received by', receiptNote: 'Keep this receipt; the case number lets you follow the case.',
  qrCaption: 'Scan for the case number', outcome: 'Outcome', decisions: 'Routing', printedAt: 'Printed', caseStartedPrint: 'Print the intake receipt and give it to the applicant',
  // roles and read-only views (modeler-zh)
  packReadOnly: 'Read-only: your role may view packs but not change or deploy them',
  notAllowedTitle: 'Your role ({role}) may not {what}',
  notAllowedCreateCase: 'Cases are registered by the centre\'s staff or an administrator; auditors and leaders can view registered cases under Cases.',
  notAllowedHint: 'Ask the system administrator to change your role if you need this.',
  forbiddenPrefix: 'Not permitted',
  // rules editor (modeler-zh)
  hitFirst: 'FIRST: first match', hitCollect: 'COLLECT: every match', hitUnique: 'UNIQUE: exactly one match', rulesProblems: 'The rule check found {n} problems',
  nProblems: '{n} problems', defaultsHint: 'Defaults (when no rule sets a field)', fixRulesFirst: 'Fix the problems in the rules first', tryRunByForm: 'Fill in the intake form',
  // dashboard (modeler-zh)
  dashBy: 'By {group}', dashByType: 'type', dashByUnit: 'unit', dashByLevel: 'level', dashByDepartment: 'department', dashByMonth: 'month',
  dashClosureRate: 'Closure rate', dashSuccessRate: 'Mediation success', dashSatisfactionRate: 'Satisfaction', dashOnTimeRate: 'Closed on time',
  dashReceived: 'Received', dashClosed: 'Closed', dashOverdue: 'Overdue', dashOverdueOpen: 'Overdue, open', dashUnitCases: 'cases',
  dashClosedNote: '{n} closed', dashUnset: '(not set)', dashPieTip: '{b}: {c} cases ({d}%)', dashEvaluation: 'Case ratings',
  dashFrom: 'Received from', dashTo: 'to', dashExportXlsx: 'Export Excel', dashExportCsv: 'Export CSV',
  dashBarTitle: '{by}: counts and rates (click to drill down)', dashPieTitle: '{by}: share of cases', dashTrend: 'Monthly trend', dashLevelTitle: 'By level (county / township / village)',
  dashTableTitle: '{by}: table', dashDrill: 'Drill-down: {label}', dashClose: 'Close', dashSupervision: 'Supervision: overdue and due soon',
  dashHandledBy: 'Handled by', dashResult: 'Result', dashRating: 'Rating', dashOnTime: 'On time', dashRed: 'Red: overdue', dashYellow: 'Yellow: due soon',
  lintSummary: 'Process check: {errors} errors, {warnings} warnings', severityError: 'Error', severityWarning: 'Warning', deployCheck: 'Deploy check',
  // ---- drafts (pack drafts, local form drafts), users and org, phone photos (issue 17: 3, 9, 10) ----
  formDraftRestored: 'Restored what you entered at {at} and had not submitted', formDraftDiscard: 'Discard draft', draftOpenNow: 'Open now', userUnit: 'Unit',
  packDrafts: 'Drafts', saveDraft: 'Save draft', draftSaved: 'Draft saved (revision {revision})', draftTitle: 'Draft note',
  draftDefaultTitle: 'Changes by {user}', draftCompare: 'Compare with the deployed version', draftDelete: 'Delete draft', draftDeleted: 'Draft deleted',
  draftDeleteConfirm: 'Delete the draft “{title}”? It cannot be restored.', noDrafts: 'No drafts. After changing the process, rules or forms, “Save draft” keeps them to continue or deploy later.',
  draftCurrent: 'Editing the draft “{title}”: revision {revision}, saved by {by} at {at}', draftBase: 'Based on', draftLastSaved: 'Last saved',
  draftShared: 'A draft belongs to the pack: every administrator of this county who may deploy the pack sees, continues and deploys it; it is deleted once deployed.',
  draftEditing: 'What the editors hold now', unsavedChanges: 'Unsaved changes', leaveUnsaved: 'The pack has unsaved changes; leaving discards them. Leave anyway?', closeDraft: 'Close draft',
  diffTitle: 'Changes against deployed version {version}', diffAdded: 'Added', diffRemoved: 'Removed', diffChanged: 'Changed', diffNone: 'Same as the deployed version: no changes',
  diffRulesAdded: 'Rules added: {names}', diffRulesRemoved: 'Rules removed: {names}', diffRulesChanged: 'Rules changed: {names}',
  diffFieldsAdded: 'Fields added: {names}', diffFieldsRemoved: 'Fields removed: {names}', diffFieldsChanged: 'Fields changed: {names}',
  diffKeysChanged: 'Settings changed: {names}', diffLines: '{added} lines added, {removed} lines removed', diffUnreadable: 'Could not be parsed; compared as text',
  navUsers: 'Users & org', usersTitle: 'Users and organisation', orgTree: 'Organisation', allUnits: 'All units', addUser: 'Add user',
  displayName: 'Name', role: 'Role', userActive: 'Active', userDisabled: 'Disabled', disableUser: 'Disable', enableUser: 'Enable',
  moveUser: 'Move', moveUserTitle: 'Move “{name}” to another unit or department', userCreated: 'User {name} created', userSaved: 'Saved',
  disableConfirm: 'Disable “{name}”? They are logged out at once and cannot log in until enabled again.', passwordHint: 'At least 8 characters; tell the person directly',
  unitUsers: 'Users of {unit} (and units below it)', noUsers: 'No users', demoAccount: 'Demo account', usersCount: '{n} users', selfHint: ' (you)',
  takePhoto: 'Take a photo',
};

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dict = lang === 'en' ? en : zh;
  return (key, vars) => {
    let s = dict[key] ?? zh[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}

interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({ lang: 'zh-CN', t: translator('zh-CN'), setLang: () => undefined });

export function I18nProvider({ lang, setLang, children }: { lang: Lang; setLang: (l: Lang) => void; children: ReactNode }) {
  return <I18nContext.Provider value={{ lang, t: translator(lang), setLang }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
