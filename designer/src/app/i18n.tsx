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
  dashExportRows: '正在导出：已 {n} 行', dashExportRowsOf: '正在导出：{n} / {total} 行', dashExportSize: '正在导出：已 {size}', dashExportSizeOf: '正在导出 {total} 件案件：已 {size}',
  dashBarTitle: '{by}：数量与比率（点击下钻）', dashPieTitle: '{by}：受理占比', dashTrend: '月度趋势', dashLevelTitle: '按层级（县 / 乡镇 / 村）',
  dashTableTitle: '{by}统计表', dashDrill: '下钻：{label}', dashClose: '关闭', dashSupervision: '督办：超期与预警',
  dashHandledBy: '承办', dashResult: '调处结果', dashRating: '评价', dashOnTime: '按时', dashRed: '红牌超期', dashYellow: '黄牌预警',
  // 当事人评价与公示（public pages: /rate, /public/cases; the rating link on the case page and its print slip）
  rateTitle: '一事一评价', rateIntro: '您的案件已办理，请对办理情况作出评价。每个案件只能评价一次。',
  rateEnterCode: '请输入回执或短信上的评价码', rateCodePlaceholder: '例如 7K2QF-9XM3D', rateLookup: '查询',
  rateCase: '案件编号', rateCaseTitle: '事项', rateUnit: '办理单位', rateExpires: '评价有效期至',
  rateSatisfied: '满意', rateBasic: '基本满意', rateDissatisfied: '不满意', rateComment: '您的意见（选填，500 字以内）',
  rateSubmit: '提交评价', rateThanks: '感谢您的评价！', rateThanksText: '您的评价已记录在案件 {number} 的办理过程中。',
  rateAlready: '该案件已评价，感谢您的参与。', rateDissatisfiedHint: '选择“不满意”时，办理单位将按规定重新办理或回访。',
  rateChoose: '请选择满意度', publicLinks: '公众服务', publicCasesLink: '案件公示', ratePageLink: '当事人评价',
  publicTitle: '矛盾纠纷化解公示', publicIntro: '以下为已办结的矛盾纠纷案件，个人信息已作脱敏处理。',
  publicTotal: '共 {n} 件', publicEmpty: '暂无公示案件', publicSummary: '公示摘要', publicNoSummary: '（本案无公示摘要）',
  publicClosedAt: '办结日期', publicResult: '办理结果', publicParty: '当事人', publicPrev: '上一页', publicNext: '下一页', publicPage: '第 {page} / {pages} 页',
  ratingCard: '当事人评价', ratingIssue: '生成评价码', ratingIssueAgain: '再生成一个', ratingCode: '评价码', ratingLink: '评价链接',
  ratingExpires: '有效期至', ratingPrint: '打印评价告知单', ratingCopy: '复制链接', ratingCopied: '已复制',
  ratingHintEvaluation: '案件已到评价环节：可打印评价告知单交当事人，或以短信发送链接，由当事人自行评价。',
  ratingHintClosed: '案件已办结尚未评价（如已转诉讼）：当事人仍可凭评价码评价，计入满意率。',
  ratingShownOnce: '评价码和链接只显示这一次，请打印或发送后再离开本页。',
  ratingSlipTitle: '评价告知单', ratingSlipText: '请用手机扫描二维码，或访问 {url} 并输入评价码，对本案件的办理情况作出评价（满意 / 基本满意 / 不满意）。',
  ratingSlipNone: '本页没有可打印的评价码：请在案件页生成评价码后再打印。', ratingCitizen: '当事人（自行评价）',
  // dashboard: groupings by township / channel / class / handling level, 初访化解率 and 积案化解率 (hstats)
  dashByTownship: '乡镇', dashByChannel: '来源渠道', dashByCaseClass: '纠纷等级', dashByHandlingLevel: '办理层级',
  dashFirstResolveRate: '初访化解率', dashBacklogResolveRate: '积案化解率', dashBacklogNote: '{n} 件积案',
  dashChannelTitle: '按来源渠道', dashCaseClassTitle: '按纠纷等级', dashHandlingLevelTitle: '按办理层级',
  lintSummary: '流程检查：{errors} 个错误，{warnings} 个提示', severityError: '错误', severityWarning: '提示', deployCheck: '部署检查',
  // what-if replay (试算影响, issue 18)
  whatIf: '试算影响', whatIfHint: '用当前编辑的（未部署的）规则和组织架构，重新分流该时间段内本辖区的过去案件，看哪些案件的分流会改变。只读，不改变任何案件。',
  whatIfRun: '开始试算', whatIfFrom: '受理起', whatIfTo: '受理止', whatIfCases: '试算案件', whatIfChanged: '分流会改变',
  whatIfDepartments: '部门改变', whatIfLevel: '层级改变', whatIfJoint: '联合调解改变', whatIfDueIn: '时限改变',
  whatIfTransitions: '原分流 → 新分流', whatIfFromTo: '原分流', whatIfToCol: '新分流', whatIfCount: '案件数',
  whatIfRules: '命中次数改变的规则', whatIfRule: '规则', whatIfBefore: '原命中', whatIfAfter: '新命中',
  whatIfChangedCases: '会改变的案件', whatIfWhat: '改变', whatIfNone: '该时间段内没有案件的分流会改变',
  whatIfTruncated: '时间段内案件超过一次试算的上限 {max} 个，只试算了最早的 {n} 个；请缩短时间段。',
  whatIfSummary: '试算：{changed} / {cases} 件会改变', whatIfRuleSetGone: '规则集「{name}」已删除：涉及 {n} 次分流',
  whatIfConflicts: '新规则无法决定（规则冲突）：{n} 次',
  diffWithPrevious: '与上一版比较', diffTitle: '版本 {from} → {to} 改了什么', diffNone: '两个版本没有差异',
  diffAdded: '新增', diffRemoved: '删除', diffChanged: '修改', diffOld: '旧版', diffNew: '新版',
  aspectDepartments: '部门', aspectLevel: '层级', aspectJoint: '联合调解', aspectLeadUnit: '牵头单位', aspectCaseClass: '等级', aspectDueIn: '时限',
  // 考核 and 通报 (hassess): ranking, drill-down, scheme preview, bulletin download
  navAssessment: '考核排名', assessPack: '流程包', assessPeriod: '考核周期', assessMonth: '月度', assessQuarter: '季度', assessYear: '年度',
  assessBulletinDocx: '下载通报（Word）', assessBulletinXlsx: '下载通报（Excel）', assessRank: '名次', assessUnit: '考核对象', assessTotal: '总分（满分 {total}）',
  assessRed: '红榜', assessRedTag: '红榜', assessHint: '低于 {red} 分列入红榜；超过 {days} 天未办结为积案。点击单位查看其全部案件，点击红色得分查看失分案件。',
  assessDrillLost: '{unit}：「{indicator}」失分的案件', assessDrillAll: '{unit}：本期案件', assessTasksOnTime: '本单位任务按时 / 完成',
  assessOverdueTasks: '超期任务', assessReturns: '退回次数', assessFlags: '标记', assessSupervised: '被督办', assessFirstContact: '初访化解',
  assessBacklog: '积案未化解', assessBacklogResolved: '积案已化解', assessPreviewTitle: '考核方案预览（不部署）',
  assessPreviewIntro: '修改考核方案（assessment.json）的权重或计分线，先用本期数据预览排名，确认后再随流程包部署。', assessPreviewOpen: '编辑方案并预览',
  assessPreviewRun: '预览排名', assessPreviewing: '正在预览未部署的考核方案：排名按编辑中的方案计算', assessPreviewEnd: '结束预览',
  assessSchemeNotJson: '方案不是合法的 JSON：{reason}',
  // 督办 and 研判 (supervision on demand, 包案领导, party search, repeats, spike alerts, monthly records)
  navSupervision: '督办', navAnalysis: '研判', supTitle: '挂牌督办', supTag: '督办', supervise: '挂牌督办', supInstruction: '批示',
  supDeadline: '督办期限', supLeader: '包案领导', supLeaderHint: '领导的用户名（可不填）', supAssignLeader: '指定包案领导', supClose: '销号',
  supCloseNote: '销号意见', supActive: '督办中', supClosed: '已销号', supOverdue: '已过督办期限', supBy: '{by} 于 {at} 批示',
  supDone: '已办理', supNone: '暂无督办', supAt: '批示时间', supList: '督办列表', supStatusAll: '全部', supUnit: '单位',
  supOnTask: '领导批示（{by}）', supDeadlineText: '请于 {at} 前办理并报告', supRequired: '请填写批示',
  anaSearch: '当事人查询', anaKind: '查询方式', anaKindId: '身份证号', anaKindPhone: '电话', anaKindName: '姓名', anaKindAddress: '地址',
  anaValue: '查询内容', anaSearchButton: '查询', anaAuditNote: '每次查询都记入查询审计（查询人、时间、内容）。', anaMasked: '个人信息已脱敏（您的角色无权查看完整个人信息）',
  anaParties: '当事人', anaMatched: '匹配', anaNoResult: '未找到案件', anaAlerts: '突增预警', anaNoAlerts: '暂无预警',
  anaAlertText: '{label}：近 7 天 {current} 件，前 8 周周均 {baseline} 件', anaTownship: '乡镇', anaType: '类型', anaRatio: '{ratio} 倍',
  anaRepeats: '重复来访', anaRepeatText: '同一当事人在 {days} 天内另有 {n} 件案件', anaRecords: '月度研判', anaNewRecord: '新建研判记录',
  anaMonth: '月份', anaRecordTitle: '标题', anaAnalysis: '研判内容', anaLinked: '关联案件（案件编号，逗号分隔）', anaDraft: '草稿', anaSigned: '已签批',
  anaSignOff: '签批', anaSignNote: '签批意见', anaSignedBy: '{by} 于 {at} 签批', anaNoRecords: '暂无研判记录', anaAudit: '查询审计',
  anaUnknownCases: '找不到这些案件编号：{list}', anaCount: '{n} 件',
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
  dashExportRows: 'Exporting: {n} rows so far', dashExportRowsOf: 'Exporting: {n} / {total} rows', dashExportSize: 'Exporting: {size} so far', dashExportSizeOf: 'Exporting {total} cases: {size} so far',
  dashBarTitle: '{by}: counts and rates (click to drill down)', dashPieTitle: '{by}: share of cases', dashTrend: 'Monthly trend', dashLevelTitle: 'By level (county / township / village)',
  dashTableTitle: '{by}: table', dashDrill: 'Drill-down: {label}', dashClose: 'Close', dashSupervision: 'Supervision: overdue and due soon',
  dashHandledBy: 'Handled by', dashResult: 'Result', dashRating: 'Rating', dashOnTime: 'On time', dashRed: 'Red: overdue', dashYellow: 'Yellow: due soon',
  // 当事人评价与公示（public pages: /rate, /public/cases; the rating link on the case page and its print slip）
  rateTitle: 'Rate your case', rateIntro: 'Your case has been handled. Please tell us how satisfied you are. Each case can be rated once.',
  rateEnterCode: 'Enter the rating code from your receipt or text message', rateCodePlaceholder: 'e.g. 7K2QF-9XM3D', rateLookup: 'Look up',
  rateCase: 'Case no.', rateCaseTitle: 'Matter', rateUnit: 'Handled by', rateExpires: 'Rate before',
  rateSatisfied: 'Satisfied', rateBasic: 'Mostly satisfied', rateDissatisfied: 'Dissatisfied', rateComment: 'Your comment (optional, up to 500 characters)',
  rateSubmit: 'Submit rating', rateThanks: 'Thank you for your rating!', rateThanksText: 'Your rating is recorded in the history of case {number}.',
  rateAlready: 'This case has been rated. Thank you.', rateDissatisfiedHint: 'If you are dissatisfied, the centre will handle the case again or call you back as its rules say.',
  rateChoose: 'Choose how satisfied you are', publicLinks: 'Public services', publicCasesLink: 'Closed cases', ratePageLink: 'Rate a case',
  publicTitle: 'Resolved disputes', publicIntro: 'Closed dispute cases; personal data is masked.',
  publicTotal: '{n} cases', publicEmpty: 'No cases published yet', publicSummary: 'Summary', publicNoSummary: '(no published summary)',
  publicClosedAt: 'Closed', publicResult: 'Outcome', publicParty: 'Party', publicPrev: 'Previous', publicNext: 'Next', publicPage: 'Page {page} of {pages}',
  ratingCard: 'Applicant\'s rating', ratingIssue: 'Create rating code', ratingIssueAgain: 'Create another', ratingCode: 'Rating code', ratingLink: 'Rating link',
  ratingExpires: 'Valid until', ratingPrint: 'Print rating slip', ratingCopy: 'Copy link', ratingCopied: 'Copied',
  ratingHintEvaluation: 'The case is at its evaluation step: print the rating slip for the applicant or text them the link, and they rate it themselves.',
  ratingHintClosed: 'The case is closed without a rating (e.g. sent to court): the applicant can still rate it with a code; it counts in the satisfaction rate.',
  ratingShownOnce: 'The code and the link are shown only now: print or send them before leaving this page.',
  ratingSlipTitle: 'Rating slip', ratingSlipText: 'Scan the QR code with your phone, or open {url} and enter the rating code, to rate how this case was handled (satisfied / mostly satisfied / dissatisfied).',
  ratingSlipNone: 'No rating code to print here: create one on the case page first.', ratingCitizen: 'the applicant (own rating)',
  // dashboard: groupings by township / channel / class / handling level, 初访化解率 and 积案化解率 (hstats)
  dashByTownship: 'township', dashByChannel: 'channel', dashByCaseClass: 'case class', dashByHandlingLevel: 'handling level',
  dashFirstResolveRate: 'Resolved at first contact', dashBacklogResolveRate: 'Backlog resolved', dashBacklogNote: '{n} backlog cases',
  dashChannelTitle: 'By channel', dashCaseClassTitle: 'By case class', dashHandlingLevelTitle: 'By handling level',
  lintSummary: 'Process check: {errors} errors, {warnings} warnings', severityError: 'Error', severityWarning: 'Warning', deployCheck: 'Deploy check',
  // what-if replay (试算影响, issue 18)
  whatIf: 'What-if', whatIfHint: 'Re-route the past cases of the period in your area with the rules and org model being edited (not deployed) and see which routings would change. Read-only: no case changes.',
  whatIfRun: 'Run', whatIfFrom: 'Received from', whatIfTo: 'to', whatIfCases: 'Cases replayed', whatIfChanged: 'Routing would change',
  whatIfDepartments: 'Department changes', whatIfLevel: 'Level changes', whatIfJoint: 'Joint mediation changes', whatIfDueIn: 'Time limit changes',
  whatIfTransitions: 'Routed before → would be routed', whatIfFromTo: 'Before', whatIfToCol: 'After', whatIfCount: 'Cases',
  whatIfRules: 'Rules whose hits change', whatIfRule: 'Rule', whatIfBefore: 'Hits before', whatIfAfter: 'Hits after',
  whatIfChangedCases: 'Cases that would change', whatIfWhat: 'Changes', whatIfNone: 'No routing in the period would change',
  whatIfTruncated: 'More cases than one replay takes ({max}): only the earliest {n} were replayed; narrow the period.',
  whatIfSummary: 'What-if: {changed} of {cases} would change', whatIfRuleSetGone: 'Rule set “{name}” removed: {n} routings',
  whatIfConflicts: 'The new rules cannot decide (conflict): {n} times',
  diffWithPrevious: 'Compare with previous', diffTitle: 'What changed from {from} to {to}', diffNone: 'No differences between the two versions',
  diffAdded: 'Added', diffRemoved: 'Removed', diffChanged: 'Changed', diffOld: 'Old', diffNew: 'New',
  aspectDepartments: 'department', aspectLevel: 'level', aspectJoint: 'joint mediation', aspectLeadUnit: 'lead unit', aspectCaseClass: 'class', aspectDueIn: 'time limit',
  // 考核 and 通报 (hassess): ranking, drill-down, scheme preview, bulletin download
  navAssessment: 'Assessment', assessPack: 'Pack', assessPeriod: 'Period', assessMonth: 'Month', assessQuarter: 'Quarter', assessYear: 'Year',
  assessBulletinDocx: 'Bulletin (Word)', assessBulletinXlsx: 'Bulletin (Excel)', assessRank: 'Rank', assessUnit: 'Unit', assessTotal: 'Total (of {total})',
  assessRed: 'Red list', assessRedTag: 'Red list', assessHint: 'Below {red} points: red-listed; open over {days} days: backlog. Click a unit for its cases, a red score for the cases that lost it.',
  assessDrillLost: '{unit}: cases that lost points on “{indicator}”', assessDrillAll: '{unit}: cases of the period', assessTasksOnTime: 'Own tasks on time / done',
  assessOverdueTasks: 'Overdue tasks', assessReturns: 'Returns', assessFlags: 'Flags', assessSupervised: 'Supervised', assessFirstContact: 'Resolved at first contact',
  assessBacklog: 'Backlog, open', assessBacklogResolved: 'Backlog, resolved', assessPreviewTitle: 'Preview a scheme (not deployed)',
  assessPreviewIntro: 'Change the weights or thresholds of the scheme (assessment.json) and preview the ranking on this period before deploying it with the pack.', assessPreviewOpen: 'Edit and preview',
  assessPreviewRun: 'Preview ranking', assessPreviewing: 'Previewing an undeployed scheme: the ranking follows the scheme being edited', assessPreviewEnd: 'End preview',
  assessSchemeNotJson: 'The scheme is not valid JSON: {reason}',
  // 督办 and 研判 (supervision on demand, 包案领导, party search, repeats, spike alerts, monthly records)
  navSupervision: 'Supervision', navAnalysis: 'Analysis', supTitle: 'Supervision (督办)', supTag: 'Supervised', supervise: 'Supervise', supInstruction: 'Instruction',
  supDeadline: 'Deadline', supLeader: 'Leader in charge', supLeaderHint: 'A leader\'s username (optional)', supAssignLeader: 'Assign leader in charge', supClose: 'Close',
  supCloseNote: 'Closing note', supActive: 'Active', supClosed: 'Closed', supOverdue: 'Past the deadline', supBy: 'Instruction by {by} at {at}',
  supDone: 'Done', supNone: 'No supervision', supAt: 'Instructed', supList: 'Supervised cases', supStatusAll: 'All', supUnit: 'Unit',
  supOnTask: 'Leader\'s instruction ({by})', supDeadlineText: 'Handle and report by {at}', supRequired: 'Write the instruction',
  anaSearch: 'Party search', anaKind: 'Search by', anaKindId: 'ID number', anaKindPhone: 'Phone', anaKindName: 'Name', anaKindAddress: 'Address',
  anaValue: 'Value', anaSearchButton: 'Search', anaAuditNote: 'Every search is written to the audit log (who, when, what).', anaMasked: 'Personal data is masked (your role may not see it in full)',
  anaParties: 'Parties', anaMatched: 'Matched', anaNoResult: 'No cases found', anaAlerts: 'Spike alerts', anaNoAlerts: 'No alerts',
  anaAlertText: '{label}: {current} cases in the last 7 days, {baseline} a week over the 8 weeks before', anaTownship: 'Township', anaType: 'Type', anaRatio: '{ratio}×',
  anaRepeats: 'Repeat visits', anaRepeatText: 'The same party has {n} other cases within {days} days', anaRecords: 'Monthly analysis', anaNewRecord: 'New analysis record',
  anaMonth: 'Month', anaRecordTitle: 'Title', anaAnalysis: 'Analysis', anaLinked: 'Linked cases (case numbers, comma-separated)', anaDraft: 'Draft', anaSigned: 'Signed off',
  anaSignOff: 'Sign off', anaSignNote: 'Note', anaSignedBy: 'Signed off by {by} at {at}', anaNoRecords: 'No analysis records', anaAudit: 'Search audit log',
  anaUnknownCases: 'No such case numbers: {list}', anaCount: '{n} cases',
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
