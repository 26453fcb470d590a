// Generated from the server's OpenAPI document by openapi-typescript — do not edit.
// Regenerate after changing a route or a schema: npm run gen:api -w @yizhan/designer
// (designer/test/api-schema.test.ts fails while this file is stale).

export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 登录，取得 Bearer 令牌
         * @description 令牌在 expiresAt 之后失效。只有失败的登录才计数，按账号和来源地址分别计数（成功登录不计数，并清零该账号的失败次数）；超过免等待的次数（默认每账号 5 次、每地址 50 次）后，每再失败一次，下一次登录须等待的时间加倍（1 秒、2 秒、4 秒……最长 15 分钟）。等待期间一律返回 429 RATE_LIMITED，消息「登录失败次数过多，请在 N 秒后重试」与 Retry-After 头给出需等待的秒数。
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录（令牌立即失效） */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表（本辖区） */
        get: operations["listUsers"];
        put?: never;
        /**
         * 新建用户
         * @description 只能在自己的辖区内建用户，且只能授予辖区内单位的部门；unit 为 null（全部单位）仅限全辖区的管理员。
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 修改用户（停用 / 启用、调动单位与部门、角色、姓名、重设密码）
         * @description 只改给出的字段。只能修改本辖区内的用户（辖区外的用户返回 404 USER_NOT_FOUND），且调入的单位与部门须在本辖区内；不能停用自己或改变自己的角色与单位（422 USER_SELF_CHANGE）。停用、重设密码、调动单位或改变角色后，该用户须重新登录。
         */
        post: operations["updateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 组织架构（单位树与部门，合并自已部署的流程包）
         * @description process=流程标识 时只返回该流程所在县（其流程包）的组织架构，用于受理与转办时选择单位和部门。
         */
        get: operations["getOrg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件列表（本辖区） */
        get: operations["listCases"];
        put?: never;
        /**
         * 受理：新建案件
         * @description 按流程的受理表单校验 data（不合格返回 400 与逐字段错误）；分流规则决定去向。data.unit（发生地单位编码）须在本人辖区内，缺省为本人所属单位。带 Idempotency-Key 头时，同一用户以同一键重发同一请求只返回第一次的结果，不会重复受理。
         */
        post: operations["startCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 案件详情
         * @description 案件、流程变量、分流决定及其解释（routing）、待办任务、异常与办理时间线（history）。审计人员看到的身份证号、电话、住址、姓名等个人信息已脱敏。
         */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重试异常（重新执行出错的服务任务） */
        post: operations["retryCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 案件正在等待的消息
         * @description 案件当前可以接收的 BPMN 消息（中间捕获事件、边界事件等）：消息名、元素 id、显示名及消息内容须符合的表单。
         */
        get: operations["listWaitingMessages"];
        put?: never;
        /**
         * 向案件发送消息（如「撤回」）
         * @description 把名为 name 的 BPMN 消息送达等待它的案件，流程随即继续；payload 按消息声明的表单校验（不合格返回 400），记入 outputs[元素 id] 并并入案件数据，办理时间线记下发送人。案件没有在等待该消息时返回 409 NOT_WAITING，案件不变。带 Idempotency-Key 头时，同一用户以同一键重发同一请求只返回第一次的结果。
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 广播信号（本辖区内所有等待它的案件）
         * @description 把名为 name 的 BPMN 信号送达您辖区内所有正在等待它的案件，每个案件单独提交；返回送达的案件和未能送达的案件（如内容不符合表单）。可用 processes 限定流程标识。
         */
        post: operations["broadcastSignal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 不予受理
         * @description 受理阶段（案件尚无已办结的任务）作出不予受理决定：须填写理由，可附告知当事人的内容（如应向何处反映）。案件的待办任务和定时器取消，状态为 refused，统计中单列、不计入办结。已开始办理或已结束的案件返回 409 CASE_NOT_ACTIVE。
         */
        post: operations["refuseCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 中止（时限停止计算）
         * @description 中止办理：时限停止计算，督办等定时器暂停；恢复时待办任务的办理时限、转黄时间和定时器按中止的时间顺延（按工作日计时的流程按中止的工作日数顺延）。须填写理由。
         */
        post: operations["suspendCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 恢复（时限顺延后继续计算） */
        post: operations["resumeCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件的延期申请 */
        get: operations["listExtensions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 申请延期
         * @description 为本人或本部门的待办任务申请延长办理时限：天数（按流程包的时限口径）与理由必填；每个任务同时只能有一份待审批的申请。由流程包指定的角色（deadlines.extensionApprover，缺省为领导）审批。
         */
        post: operations["requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/extensions/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审批延期申请
         * @description 批准时任务的办理时限从原时限起顺延申请的天数，转黄时间按流程包的比例重新计算；驳回时时限不变。只有流程包指定的审批角色（缺省为领导）或系统管理员可以审批。
         */
        post: operations["decideExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 待办（收件箱）
         * @description scope：mine 我认领的；department 我部门的；unit 本辖区案件的；缺省为 inbox（我认领的与可认领的）。status：open（默认）、warning 黄牌预警（已过转黄时间、未到期）、overdue 红牌超期、completed、all。每条任务带办理时限 dueAt、转黄时间 warnAt 与红黄绿 colour。
         */
        get: operations["listTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 任务详情（含办理表单） */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 认领 */
        post: operations["claimTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/unclaim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 释放（退回到部门待认领）
         * @description 只有认领人可以释放；管理员可用 force 释放他人认领的任务。
         */
        post: operations["unclaimTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办理（提交任务表单）
         * @description 按任务表单校验 data：不合格返回 400 FORM_INVALID 与逐字段错误，不做任何改动；重复提交返回 409 TASK_ALREADY_COMPLETED；他人已认领返回 409 TASK_CLAIMED。带 Idempotency-Key 头时，以同一键重发同一请求返回第一次的结果（200 与办理后的案件）。
         */
        post: operations["completeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回（交回综治中心重新分流） */
        post: operations["returnTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 转办（交给另一部门）
         * @description 只能转办给本案件流程（所在县的流程包）组织架构中的部门，否则返回 422 TRANSFER_OUT_OF_SCOPE，不做任何改动。
         */
        post: operations["transferTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已部署的流程包（每个包的最新版本） */
        get: operations["listPacks"];
        put?: never;
        /**
         * 部署流程包（生成新的不可变版本）
         * @description JSON：{ files: { "pack.json": "…", "dispute.bpmn": "…", "forms/intake.json": "…" } }；或 multipart/form-data，每个文件一部分，文件名为包内路径。校验不通过返回 422 PACK_INVALID，逐条给出文件、元素 id / JSON Pointer 与说明；同一版本重复部署返回 409 PACK_VERSION_EXISTS；组织架构使用了其他流程包的单位或部门编码返回 409 ORG_CODE_TAKEN；限定辖区的用户只能部署本辖区的流程包（否则 403）。进行中的案件仍按其启动时的版本运行。multipart 上传最多 100 个文件、合计 5 MB，超出即中止并返回 413 PAYLOAD_TOO_LARGE；JSON 请求体最多 1 MB。
         */
        post: operations["deployPack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packs/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 流程包的各个版本 */
        get: operations["listPackVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packs/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 已部署流程包的文件（用于打开编辑）
         * @description 与 POST /api/packs 相同的 { files } 形式；缺省为最新版本。
         */
        get: operations["getPackFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/definitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 流程定义（含 BPMN，用于显示流程图） */
        get: operations["getDefinition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/definitions/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 撤回流程定义版本（不再用于新案件）
         * @description 出问题的版本无需重新部署即可停用：新案件改用最新的未撤回版本，明确指定该版本启动返回 409 DEFINITION_WITHDRAWN；进行中的案件不受影响。
         */
        post: operations["withdrawDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/definitions/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 恢复已撤回的流程定义版本
         * @description 撤销撤回：该版本重新可用于新案件（若为最新版本，新案件即用它）。
         */
        post: operations["restoreDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 流程定义（各版本）
         * @description startable=true 时只返回本人可用于受理的流程（每个流程当前用于新案件的版本）：本人所属单位在该流程所在县的组织架构中；不限辖区的用户（如系统管理员）得到全部可用流程。
         */
        get: operations["listDefinitions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 表单定义 { schema, uiSchema }
         * @description 缺省取最近部署的、含该表单的流程定义；process / version 指定流程及版本。
         */
        get: operations["getForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packs/{id}/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 流程包的草稿（未部署的修改）
         * @description 草稿属于流程包，由可部署该包的人员共享；按最后保存时间排列（新的在前），不含文件内容。
         */
        get: operations["listPackDrafts"];
        put?: never;
        /**
         * 保存为新草稿（不部署）
         * @description 草稿不必通过校验；部署时才校验。pack.json 的 id 须与流程包一致。baseVersion：草稿所依据的已部署版本（用于对比）。
         */
        post: operations["createPackDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packs/{id}/drafts/{draftId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 草稿（含文件） */
        get: operations["getPackDraft"];
        put?: never;
        /**
         * 保存草稿（覆盖同一草稿）
         * @description revision 为打开或上次保存时的版次；其间他人已保存则返回 409 DRAFT_CHANGED，不覆盖。
         */
        post: operations["savePackDraft"];
        /** 删除草稿 */
        delete: operations["deletePackDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packs/{id}/drafts/{draftId}/deploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 部署草稿为新版本
         * @description 与 POST /api/packs 相同的校验与部署；version 给出时写入 pack.json。部署成功后草稿删除（已部署的版本即为记录）；校验不通过返回 422 PACK_INVALID，草稿保留。revision 给出且草稿其间已被他人保存时返回 409 DRAFT_CHANGED。
         */
        post: operations["deployPackDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传附件
         * @description multipart/form-data，一个名为 file 的文件部分。带 caseId 时直接归入该案件（须在本人辖区内）；不带时先暂存，随后在受理或办理表单中引用（{ id, name }）并提交时归入该案件，一天内未引用即删除。单个文件不超过 10 MB（超出 413）；文件类型按内容识别，不采信客户端声明（不接受的类型 415）。可上传：PDF、PNG 图片、JPEG 图片、GIF 图片、WebP 图片、HEIC 图片、HEIF 图片、BMP 图片、TIFF 图片、Word 文档、Excel 表格、PowerPoint 演示文稿、Office 97–2003 文档、ODF 文档、ODF 表格、MP3 录音、M4A 录音、AMR 录音、WAV 录音、MP4 视频、MOV 视频、文本。文件名只用于显示；附件一经归入案件不可替换或删除。
         */
        post: operations["uploadAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件的附件 */
        get: operations["listCaseAttachments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 下载附件
         * @description 案件在本人辖区内（或本人暂存的附件）才可下载，否则 404。图片与 PDF 可 inline=true 在浏览器中查看。
         */
        get: operations["downloadAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 统计：受理数、办结率、调处成功率、满意率、按时办结率、超期数
         * @description 按受理时间 [from, to) 统计本辖区案件。办结率 = 办结 / 受理；调处成功率 = 最后一次调处结果为成功 / 有调处结果；满意率 =（满意 + 基本满意）/ 已评价（以最后一次评价为准）；按时办结率 = 没有任何任务超时完成的办结案件 / 办结；超期 = 未办结且有任务已过办理时限。
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 统计下钻：某一分组（如某类型、某月）的案件
         * @description 与 /api/stats 同一口径：groupBy 与 key（/api/stats 返回行的 key；缺省为全部，key 为空串表示未填）给出分组，每件案件带调处结果、满意度、是否按时、是否超期。
         */
        get: operations["getStatsCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 统计导出（Excel xlsx 或 CSV）
         * @description 与 /api/stats 同一口径，同一时刻的数据。xlsx：「汇总」表（各分组与合计）和「案件明细」表（全部案件，不截断，明细行数等于合计受理数）；CSV（UTF-8，带 BOM）：sheet=summary（缺省）为汇总表，sheet=cases 为全部案件明细。文件边生成边下载；每个用户同时最多 2 个导出、全部用户同时最多 4 个，超出返回 429 TOO_MANY_EXPORTS。
         */
        get: operations["exportStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 公示：已办结案件（脱敏，无需登录）
         * @description 只列出流程包 pack.json 的 public.enabled 为 true 的案件；显示 public.fields 中的受理字段（其中的身份证号、电话号码及脱敏字段的值也会被遮盖）和 public.mask 中的字段（脱敏：姓名只留姓，身份证号留前 3 后 2 位，电话留前 3 后 4 位）。从不返回其他表单数据。
         */
        get: operations["listPublicCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本 API 的 OpenAPI 3.1 文档 */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 健康检查（含数据库） */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorDetail: {
            /** @description 表单字段的 JSON Pointer（如 /applicant） */
            field?: string;
            /** @description BPMN 元素 id */
            elementId?: string;
            /** @description 文件内的 JSON Pointer */
            pointer?: string;
            /** @description 流程包内的文件 */
            file?: string;
            code?: string;
            message: string;
        };
        Error: {
            error: {
                /** @description 稳定的错误码，如 FORM_INVALID、TASK_ALREADY_COMPLETED */
                code: string;
                /** @description 中文说明 */
                message: string;
                details: components["schemas"]["ErrorDetail"][];
            };
        };
        User: {
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "admin" | "integrator" | "staff" | "leader" | "auditor";
            /** @description 所属单位编码；null 表示全部单位 */
            unit: string | null;
            unitName: string | null;
            departments: string[];
            demo: boolean;
            /** @description 已停用：不能登录 */
            disabled: boolean;
        };
        Session: {
            /** @description Bearer 令牌 */
            token: string;
            /** Format: date-time */
            expiresAt: string;
            user: components["schemas"]["User"];
        };
        Task: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            executionId: string;
            /** @description BPMN 元素 id */
            elementId: string;
            name: string | null;
            formKey: string | null;
            /** @description 候选部门 / 层级 */
            candidateGroups: string[];
            /** @description 认领人 */
            assignee: string | null;
            /** @description 案件所属单位编码 */
            unit: string | null;
            iteration: number | null;
            /** @description 多实例元素（如联合调解中的部门） */
            item: unknown;
            /**
             * Format: date-time
             * @description 办理时限
             */
            dueAt: string | null;
            /**
             * Format: date-time
             * @description 转黄时间（时限的一定比例，按流程包设置）
             */
            warnAt: string | null;
            priority: number | null;
            /** @enum {string} */
            status: "open" | "completed" | "cancelled";
            /**
             * @description 红黄绿：超期为红，已用时限三分之二为黄
             * @enum {string|null}
             */
            colour: "green" | "yellow" | "red" | null;
            /** @description 办理时提交的表单数据 */
            data: unknown;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
            completedBy: string | null;
        };
        InboxTask: components["schemas"]["Task"] & {
            caseNumber: number;
            caseTitle: string | null;
            caseType: string | null;
            processKey: string;
            /** @description 当前用户能否认领 / 办理 */
            actionable: boolean;
        };
        HistoryEntry: {
            id: number;
            /** Format: date-time */
            at: string;
            actor: string | null;
            /** @description 如 case.started、task.completed、task.returned、message.received */
            kind: string;
            elementId: string | null;
            taskId: string | null;
            data: unknown;
        };
        Incident: {
            id: number;
            /**
             * @description service：内置服务失败；halted：一次操作失控（无等待的循环、引擎异常）已回滚，案件挂起
             * @enum {string}
             */
            kind: "service" | "halted";
            elementId: string;
            message: string;
            /** @enum {string} */
            status: "open" | "resolved";
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            resolvedAt: string | null;
        };
        Case: {
            /** Format: uuid */
            id: string;
            /** @description 案件编号 */
            number: number;
            processKey: string;
            definitionId: string;
            version: number;
            /** @enum {string} */
            status: "active" | "completed" | "incident" | "failed" | "withdrawn" | "refused";
            title: string | null;
            type: string | null;
            channel: string | null;
            unit: string | null;
            unitName: string | null;
            /** @description 流程变量，含受理数据 data 与分流决定 decision */
            variables: Record<string, unknown>;
            /** @description 最近一次分流决定及其解释（命中的规则、条件与事实） */
            routing: unknown;
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description 办结、撤回或不予受理的时间
             */
            completedAt: string | null;
            /**
             * Format: date-time
             * @description 中止（时限停止计算）的起始时间；null 为正常计时
             */
            suspendedAt: string | null;
            openTasks: components["schemas"]["Task"][];
            tasks: components["schemas"]["Task"][];
            incidents: components["schemas"]["Incident"][];
            /** @description 办理过程时间线 */
            history: components["schemas"]["HistoryEntry"][];
        };
        CaseSummary: {
            /** Format: uuid */
            id: string;
            number: number;
            processKey: string;
            /** @enum {string} */
            status: "active" | "completed" | "incident" | "failed" | "withdrawn" | "refused";
            title: string | null;
            type: string | null;
            channel: string | null;
            unit: string | null;
            unitName: string | null;
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            completedAt: string | null;
            openTaskCount: number;
            /** Format: date-time */
            nextDueAt: string | null;
            /**
             * @description 红黄绿：超期为红，已用时限三分之二为黄
             * @enum {string|null}
             */
            colour: "green" | "yellow" | "red" | null;
        };
        FormDefinition: {
            key: string;
            /** @description 所属流程 */
            process: string;
            version: number;
            schema: Record<string, unknown>;
            uiSchema: Record<string, unknown>;
        };
        Definition: {
            id: string;
            key: string;
            version: number;
            name: string | null;
            processId: string;
            deployedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description 撤回时间（不再用于新案件）；null 为可用
             */
            withdrawnAt: string | null;
        };
        PackDeployment: {
            packId: string;
            version: string;
            name: string | null;
            county: string | null;
            description: string | null;
            processes: {
                key: string;
                definitionId: string;
                version: number;
            }[];
            deployedBy: string | null;
            /** Format: date-time */
            deployedAt: string;
        };
        PackDraftSummary: {
            /** Format: uuid */
            id: string;
            packId: string;
            /** @description 草稿说明 */
            title: string;
            /** @description 草稿所依据的已部署版本；null：新流程包 */
            baseVersion: string | null;
            /** @description 版次：每保存一次加一 */
            revision: number;
            fileCount: number;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** @description 最后保存人 */
            updatedBy: string;
            /**
             * Format: date-time
             * @description 最后保存时间
             */
            updatedAt: string;
        };
        PackDraft: {
            /** Format: uuid */
            id: string;
            packId: string;
            /** @description 草稿说明 */
            title: string;
            /** @description 草稿所依据的已部署版本；null：新流程包 */
            baseVersion: string | null;
            /** @description 版次：每保存一次加一 */
            revision: number;
            fileCount: number;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** @description 最后保存人 */
            updatedBy: string;
            /**
             * Format: date-time
             * @description 最后保存时间
             */
            updatedAt: string;
            /** @description 包内路径 → 文件内容 */
            files: {
                [key: string]: string;
            };
        };
        Attachment: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description 所属案件；null：已上传、待随表单提交
             */
            caseId: string | null;
            /** @description 文件名（仅用于显示） */
            name: string;
            /** @description 按文件内容识别的类型 */
            contentType: string;
            /** @description 字节数 */
            size: number;
            /** @description 内容的 SHA-256（存证） */
            sha256: string;
            uploadedBy: string;
            /** Format: date-time */
            uploadedAt: string;
        };
        OrgUnit: {
            code: string;
            name: string;
            /** @enum {string} */
            level: "county" | "township" | "village" | "grid";
            children?: components["schemas"]["OrgUnit"][];
        };
        OrgModel: {
            units: components["schemas"]["OrgUnit"][];
            departments: {
                code: string;
                name: string;
                unit: string;
                kind: string;
                domains?: string[];
            }[];
        };
        StatsRow: {
            /** @description 分组值（类型、单位编码、层级、部门编码、YYYY-MM） */
            key: string | null;
            label: string | null;
            /** @description 受理数 */
            total: number;
            /** @description 办结数 */
            closed: number;
            /** @description 撤回数（不计入办结） */
            withdrawn: number;
            /** @description 不予受理数（不计入办结） */
            refused: number;
            /** @description 按时办结数 */
            onTime: number;
            /** @description 超期未办结数 */
            overdue: number;
            /** @description 有调处结果的案件数 */
            mediated: number;
            /** @description 调处成功数 */
            succeeded: number;
            /** @description 已评价案件数 */
            rated: number;
            /** @description 满意 */
            satisfied: number;
            /** @description 基本满意 */
            basic: number;
            /** @description 不满意 */
            dissatisfied: number;
            /** @description 办结率 = 办结 /（受理 − 撤回 − 不予受理） */
            closureRate: number | null;
            /** @description 按时办结率 = 按时办结 / 办结 */
            onTimeRate: number | null;
            /** @description 调处成功率 = 调处成功 / 有调处结果 */
            successRate: number | null;
            /** @description 满意率 =（满意 + 基本满意）/ 已评价 */
            satisfactionRate: number | null;
        };
        Stats: {
            from: string | null;
            to: string | null;
            /** @enum {string} */
            groupBy: "type" | "unit" | "level" | "department" | "month";
            /**
             * @description 计的是案件数（按部门统计时一案可计入多个部门，合计仍按案件计一次）
             * @enum {string}
             */
            counting: "cases";
            totals: {
                /** @description 受理数 */
                total: number;
                /** @description 办结数 */
                closed: number;
                /** @description 撤回数（不计入办结） */
                withdrawn: number;
                /** @description 不予受理数（不计入办结） */
                refused: number;
                /** @description 按时办结数 */
                onTime: number;
                /** @description 超期未办结数 */
                overdue: number;
                /** @description 有调处结果的案件数 */
                mediated: number;
                /** @description 调处成功数 */
                succeeded: number;
                /** @description 已评价案件数 */
                rated: number;
                /** @description 满意 */
                satisfied: number;
                /** @description 基本满意 */
                basic: number;
                /** @description 不满意 */
                dissatisfied: number;
                /** @description 办结率 = 办结 /（受理 − 撤回 − 不予受理） */
                closureRate: number | null;
                /** @description 按时办结率 = 按时办结 / 办结 */
                onTimeRate: number | null;
                /** @description 调处成功率 = 调处成功 / 有调处结果 */
                successRate: number | null;
                /** @description 满意率 =（满意 + 基本满意）/ 已评价 */
                satisfactionRate: number | null;
            };
            rows: components["schemas"]["StatsRow"][];
        };
        StatsCase: {
            /** Format: uuid */
            id: string;
            number: number;
            processKey: string;
            title: string | null;
            type: string | null;
            unit: string | null;
            unitName: string | null;
            /** @enum {string} */
            status: "active" | "completed" | "incident" | "failed" | "withdrawn" | "refused";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
            /** @description 受理月份 YYYY-MM（北京时间） */
            month: string;
            /** @description 已办结且没有任务超时完成 */
            onTime: boolean;
            /** @description 未办结且有任务已超期 */
            overdue: boolean;
            /**
             * @description 最后一次调处结果
             * @enum {string|null}
             */
            result: "success" | "failed" | null;
            /**
             * @description 最后一次评价
             * @enum {string|null}
             */
            satisfaction: "satisfied" | "basic" | "dissatisfied" | null;
        };
        PublicCase: {
            number: number;
            type: string | null;
            unitName: string | null;
            /** @description 当事人（脱敏，如 张*） */
            party: string | null;
            /** @enum {string} */
            status: "completed";
            /** @description 办理结果摘要 */
            result: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
            /** @description 流程包 public 配置的公示字段（脱敏字段已遮盖） */
            fields: {
                field: string;
                title: string;
                value: string;
            }[];
        };
        Extension: {
            id: number;
            /** Format: uuid */
            caseId: string;
            /** Format: uuid */
            taskId: string;
            /** @description 申请延长的天数（按流程包的时限口径：工作日或自然日） */
            days: number;
            /** @description 延期理由 */
            reason: string;
            /**
             * @description 待审批、已批准、已驳回
             * @enum {string}
             */
            status: "pending" | "approved" | "rejected";
            requestedBy: string | null;
            /** Format: date-time */
            requestedAt: string;
            decidedBy: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            /** @description 审批意见 */
            note: string | null;
            /**
             * Format: date-time
             * @description 原办理时限
             */
            oldDueAt: string | null;
            /**
             * Format: date-time
             * @description 批准后的办理时限
             */
            newDueAt: string | null;
        };
        WaitingMessage: {
            /** @description 消息名（BPMN message 的 name），如 撤回 */
            name: string;
            /** @description 等待该消息的 BPMN 元素 id */
            elementId: string;
            /** @description 显示名（元素名，缺省为消息名） */
            label: string;
            /** @description 消息内容须符合的表单（元素的 camunda 属性 formKey） */
            formKey?: string;
        };
        SignalResult: {
            /** @description 已送达的案件 id */
            reached: string[];
            /** @description 未能送达的案件（如内容不符合表单、案件被挂起） */
            failed: {
                /** Format: uuid */
                caseId: string;
                code: string;
                message: string;
            }[];
        };
        ScenarioResult: {
            name: string;
            passed: boolean;
            failures: string[];
            durationMs: number;
        };
    };
    responses: {
        /** @description 请求有误（VALIDATION_FAILED、FORM_INVALID 逐字段错误、BAD_REQUEST） */
        E400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 未登录或令牌已失效（UNAUTHORIZED） */
        E401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 角色无权或不属于本人 / 本部门（FORBIDDEN） */
        E403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 不存在或不在辖区内（CASE_NOT_FOUND、TASK_NOT_FOUND、FORM_NOT_FOUND、PACK_NOT_FOUND、DEFINITION_NOT_FOUND） */
        E404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 冲突（TASK_ALREADY_COMPLETED、TASK_CLAIMED、NOT_ASSIGNEE、TASK_NOT_OPEN、PACK_VERSION_EXISTS、USER_EXISTS、IDEMPOTENCY_KEY_IN_USE） */
        E409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 请求体过大（PAYLOAD_TOO_LARGE） */
        E413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 请求体须为 JSON（UNSUPPORTED_MEDIA_TYPE） */
        E415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 流程、规则或流程包无法执行 / 未通过校验（PROCESS_ERROR、BPMN_INVALID、PACK_INVALID、RULESET_INVALID、FORM_DEFINITION_INVALID），或幂等键已用于另一请求（IDEMPOTENCY_KEY_REUSED） */
        E422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 请求过于频繁（RATE_LIMITED，登录失败过多；TOO_MANY_EXPORTS，同时导出过多），Retry-After 头给出等待秒数 */
        E429: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 用户名 */
                    username: string;
                    /** 密码 */
                    password: string;
                };
            };
        };
        responses: {
            /** @description 登录成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            429: components["responses"]["E429"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已退出 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["E401"];
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 当前用户 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["E401"];
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 用户 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 用户名 */
                    username: string;
                    /** 姓名 */
                    displayName?: string;
                    /** 密码 */
                    password: string;
                    /**
                     * 角色
                     * @enum {string}
                     */
                    role: "admin" | "integrator" | "staff" | "leader" | "auditor";
                    /** 所属单位编码 */
                    unit?: string | null;
                    /** 所属部门编码 */
                    departments?: string[];
                };
            };
        };
        responses: {
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 用户名 */
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 姓名 */
                    displayName?: string;
                    /**
                     * 角色
                     * @enum {string}
                     */
                    role?: "admin" | "integrator" | "staff" | "leader" | "auditor";
                    /** 所属单位编码 */
                    unit?: string | null;
                    /** 所属部门编码 */
                    departments?: string[];
                    /** 停用 */
                    disabled?: boolean;
                    /** 新密码 */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description 已修改 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    getOrg: {
        parameters: {
            query?: {
                /** @description 流程标识 */
                process?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 组织架构 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgModel"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    listCases: {
        parameters: {
            query?: {
                /** @description 状态 */
                status?: "active" | "completed" | "incident" | "failed" | "withdrawn" | "refused";
                /** @description 案件类型 */
                type?: string;
                /** @description 发生地单位编码（仅在辖区内生效） */
                unit?: string;
                /** @description 流程标识 */
                process?: string;
                /** @description 标题、类型或编号中的关键字 */
                q?: string;
                /** @description 条数 */
                limit?: number;
                /** @description 偏移 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummary"][];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    startCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键（如 UUID，本用户内唯一，保留 24 小时）：以同一键重发同一请求（方法、路径、请求体相同）返回第一次的状态码与响应体（响应头 Idempotent-Replayed: true），不会重复执行；同一键用于不同请求返回 422 IDEMPOTENCY_KEY_REUSED；第一次请求仍在处理时返回 409 IDEMPOTENCY_KEY_IN_USE。 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 流程标识（如 longxi/dispute） */
                    process: string;
                    /** 流程版本（缺省为最新） */
                    version?: number;
                    /** 案件标题 */
                    title?: string;
                    /** 受理表单数据 */
                    data: Record<string, unknown>;
                };
            };
        };
        responses: {
            /** @description 已受理：案件及其待办任务 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    retryCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            422: components["responses"]["E422"];
        };
    };
    listWaitingMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 等待中的消息 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitingMessage"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键（如 UUID，本用户内唯一，保留 24 小时）：以同一键重发同一请求（方法、路径、请求体相同）返回第一次的状态码与响应体（响应头 Idempotent-Replayed: true），不会重复执行；同一键用于不同请求返回 422 IDEMPOTENCY_KEY_REUSED；第一次请求仍在处理时返回 409 IDEMPOTENCY_KEY_IN_USE。 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 消息名（BPMN message 的 name） */
                    name: string;
                    /** 消息内容（按消息声明的表单校验，并入案件数据） */
                    payload?: Record<string, unknown>;
                };
            };
        };
        responses: {
            /** @description 送达后的案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    broadcastSignal: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键（如 UUID，本用户内唯一，保留 24 小时）：以同一键重发同一请求（方法、路径、请求体相同）返回第一次的状态码与响应体（响应头 Idempotent-Replayed: true），不会重复执行；同一键用于不同请求返回 422 IDEMPOTENCY_KEY_REUSED；第一次请求仍在处理时返回 409 IDEMPOTENCY_KEY_IN_USE。 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 信号名（BPMN signal 的 name） */
                    name: string;
                    /** 消息内容（按消息声明的表单校验，并入案件数据） */
                    payload?: Record<string, unknown>;
                    /** 只送达这些流程的案件 */
                    processes?: string[];
                };
            };
        };
        responses: {
            /** @description 送达结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalResult"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    refuseCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键（如 UUID，本用户内唯一，保留 24 小时）：以同一键重发同一请求（方法、路径、请求体相同）返回第一次的状态码与响应体（响应头 Idempotent-Replayed: true），不会重复执行；同一键用于不同请求返回 422 IDEMPOTENCY_KEY_REUSED；第一次请求仍在处理时返回 409 IDEMPOTENCY_KEY_IN_USE。 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 案件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 不予受理的理由 */
                    reason: string;
                    /** 告知当事人的内容 */
                    notice?: string;
                };
            };
        };
        responses: {
            /** @description 不予受理后的案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    suspendCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 中止的理由 */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description 中止后的案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
        };
    };
    resumeCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 恢复后的案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    listExtensions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 延期申请（按申请先后） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extension"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    requestExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键（如 UUID，本用户内唯一，保留 24 小时）：以同一键重发同一请求（方法、路径、请求体相同）返回第一次的状态码与响应体（响应头 Idempotent-Replayed: true），不会重复执行；同一键用于不同请求返回 422 IDEMPOTENCY_KEY_REUSED；第一次请求仍在处理时返回 409 IDEMPOTENCY_KEY_IN_USE。 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 任务 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 延长天数 */
                    days: number;
                    /** 延期理由 */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description 延期申请 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extension"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    decideExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 延期申请 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 是否批准 */
                    approve: boolean;
                    /** 审批意见 */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description 审批后的延期申请 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extension"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description 范围 */
                scope?: "inbox" | "mine" | "department" | "unit";
                /** @description 状态 */
                status?: "open" | "warning" | "overdue" | "completed" | "all";
                /** @description 只看某一案件 */
                caseId?: string;
                /** @description 条数 */
                limit?: number;
                /** @description 偏移 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 任务 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxTask"][];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 任务 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 任务与其表单 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxTask"] & {
                        form?: {
                            schema?: Record<string, unknown>;
                            uiSchema?: Record<string, unknown>;
                        } | null;
                    };
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    claimTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 任务 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已认领 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxTask"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    unclaimTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 任务 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** 强制释放（管理员） */
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description 已释放 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxTask"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
        };
    };
    completeTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description 幂等键（如 UUID，本用户内唯一，保留 24 小时）：以同一键重发同一请求（方法、路径、请求体相同）返回第一次的状态码与响应体（响应头 Idempotent-Replayed: true），不会重复执行；同一键用于不同请求返回 422 IDEMPOTENCY_KEY_REUSED；第一次请求仍在处理时返回 409 IDEMPOTENCY_KEY_IN_USE。 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 任务 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 表单数据 */
                    data: Record<string, unknown>;
                };
            };
        };
        responses: {
            /** @description 办理后的案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    returnTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 任务 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 退回理由 */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description 已退回 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxTask"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    transferTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 任务 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 转办部门编码 */
                    department: string;
                    /** 转办理由 */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description 已转办 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxTask"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    listPacks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 流程包 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDeployment"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    deployPack: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 包内路径 → 文件内容 */
                    files: {
                        [key: string]: string;
                    };
                };
                "multipart/form-data": {
                    files?: string[];
                };
            };
        };
        responses: {
            /** @description 已部署 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDeployment"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    listPackVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程包 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 版本（新的在前） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDeployment"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    getPackFiles: {
        parameters: {
            query?: {
                /** @description 版本（缺省为最新） */
                version?: string;
            };
            header?: never;
            path: {
                /** @description 流程包 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 包内路径 → 文件内容 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        packId: string;
                        version: string;
                        files: {
                            [key: string]: string;
                        };
                    };
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    getDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程定义 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 流程定义 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        key: string;
                        version: number;
                        name?: string | null;
                        processId?: string;
                        bpmn: string;
                        startFormKey?: string | null;
                        /** Format: date-time */
                        createdAt?: string;
                    };
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    withdrawDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程定义 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 该版本 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Definition"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    restoreDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程定义 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 该版本 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Definition"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    listDefinitions: {
        parameters: {
            query?: {
                /** @description 流程标识 */
                key?: string;
                /** @description 只返回本人可用于受理的流程 */
                startable?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 流程定义 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Definition"][];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    getForm: {
        parameters: {
            query?: {
                /** @description 流程标识 */
                process?: string;
                /** @description 流程版本 */
                version?: number;
            };
            header?: never;
            path: {
                /** @description 表单标识（camunda:formKey） */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 表单 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormDefinition"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    listPackDrafts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程包 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 草稿 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDraftSummary"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    createPackDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程包 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 草稿说明 */
                    title: string;
                    /** 依据的已部署版本 */
                    baseVersion?: string | null;
                    /** 包内路径 → 文件内容 */
                    files: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description 已保存 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDraft"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
        };
    };
    getPackDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程包 id */
                id: string;
                /** @description 草稿 id */
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 草稿 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDraft"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    savePackDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程包 id */
                id: string;
                /** @description 草稿 id */
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 版次 */
                    revision: number;
                    /** 草稿说明 */
                    title?: string;
                    /** 包内路径 → 文件内容 */
                    files: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description 已保存 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDraft"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
        };
    };
    deletePackDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程包 id */
                id: string;
                /** @description 草稿 id */
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已删除 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    deployPackDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程包 id */
                id: string;
                /** @description 草稿 id */
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** 新版本号 */
                    version?: string;
                    /** 版次 */
                    revision?: number;
                };
            };
        };
        responses: {
            /** @description 已部署 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDeployment"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
        };
    };
    uploadAttachment: {
        parameters: {
            query?: {
                /** @description 归入的案件 */
                caseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description 已上传 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
        };
    };
    listCaseAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 案件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 附件（按上传时间） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    downloadAttachment: {
        parameters: {
            query?: {
                /** @description 在浏览器中查看（仅图片与 PDF） */
                inline?: boolean;
            };
            header?: never;
            path: {
                /** @description 附件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件内容 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    getStats: {
        parameters: {
            query?: {
                /** @description 受理时间起（含），YYYY-MM-DD（北京时间）或 ISO 8601 */
                from?: string;
                /** @description 受理时间止（不含） */
                to?: string;
                /** @description 只统计某一流程（longxi/dispute）或某一流程包（longxi） */
                process?: string;
                /** @description 分组：type 类型、unit 单位、level 层级、department 部门（办理过该案的部门，一案可计入多个部门）、month 受理月份 */
                groupBy?: "type" | "unit" | "level" | "department" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 统计 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    getStatsCases: {
        parameters: {
            query?: {
                /** @description 受理时间起（含），YYYY-MM-DD（北京时间）或 ISO 8601 */
                from?: string;
                /** @description 受理时间止（不含） */
                to?: string;
                /** @description 只统计某一流程（longxi/dispute）或某一流程包（longxi） */
                process?: string;
                /** @description 分组：type 类型、unit 单位、level 层级、department 部门（办理过该案的部门，一案可计入多个部门）、month 受理月份 */
                groupBy?: "type" | "unit" | "level" | "department" | "month";
                /** @description 分组的 key */
                key?: string;
                /** @description 条数 */
                limit?: number;
                /** @description 偏移 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsCase"][];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    exportStats: {
        parameters: {
            query?: {
                /** @description 受理时间起（含），YYYY-MM-DD（北京时间）或 ISO 8601 */
                from?: string;
                /** @description 受理时间止（不含） */
                to?: string;
                /** @description 只统计某一流程（longxi/dispute）或某一流程包（longxi） */
                process?: string;
                /** @description 分组：type 类型、unit 单位、level 层级、department 部门（办理过该案的部门，一案可计入多个部门）、month 受理月份 */
                groupBy?: "type" | "unit" | "level" | "department" | "month";
                /** @description 文件格式 */
                format?: "xlsx" | "csv";
                /** @description CSV 的内容：summary 汇总、cases 案件明细（xlsx 两者都有） */
                sheet?: "summary" | "cases";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 统计文件（附件下载） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            429: components["responses"]["E429"];
        };
    };
    listPublicCases: {
        parameters: {
            query?: {
                /** @description 条数 */
                limit?: number;
                /** @description 偏移 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 公示列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCase"][];
                };
            };
            400: components["responses"]["E400"];
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 文档 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, unknown>;
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 正常 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
        };
    };
}
