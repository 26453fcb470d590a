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
        /**
         * 案件列表（本辖区）
         * @description 新受理的在前。翻页：还有下一页时响应头 X-Next-Cursor 给出游标，原样作为 cursor 参数取下一页（按索引定位，不论多深都一样快）；offset 仍可用，但越深越慢。count=true 时响应头 X-Total-Count 给出总数，超过 10000 件时为「10000+」（不为计数读完全部案件）。q 在标题、类型、编号与当事人姓名（申请人、被申请人）中查找子串，中文亦可。
         */
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
         * @description 案件、流程变量、分流决定及其解释（routing）、待办任务、异常与办理时间线（history），以及时间线和任务中工作人员的姓名（people）。审计人员看到的身份证号、电话、住址、姓名等个人信息已脱敏。
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
         * @description scope：mine 我认领的；department 我部门的；unit 本辖区案件的；缺省为 inbox（我认领的与可认领的）。status：open（默认）、warning 黄牌预警（已过转黄时间、未到期）、overdue 红牌超期、completed、all。每条任务带办理时限 dueAt、转黄时间 warnAt 与红黄绿 colour。翻页：还有下一页时响应头 X-Next-Cursor 给出游标，原样作为 cursor 参数取下一页（按索引定位，不论多深都一样快）；offset 仍可用，但越深越慢。
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
    "/api/packs/whatif": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 试算影响：拟部署的流程包对过去案件分流的影响（只读）
         * @description 请求体与 POST /api/packs 相同（JSON { files } 或 multipart）。按受理时间 [from, to)（缺省为最近 90 天）取本辖区内该包各流程的过去案件，用拟部署包的规则集和组织架构重新分流（受理数据按当时记录），报告会改变的案件数、原分流 → 新分流、命中数改变的规则和逐案明细。不部署、不改变任何案件。一次最多试算 20000 个案件（超出时 truncated 为 true）；同一时间只运行一个试算（否则 429 WHATIF_BUSY）。包校验不通过返回 422 PACK_INVALID。
         */
        post: operations["whatIfPack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packs/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 版本比较：两个已部署版本之间改了什么
         * @description BPMN 元素的新增 / 删除 / 修改（bpmn-js-differ）、规则、表单字段（新增 / 删除 / 改为必填）、组织架构和 pack.json 设置，并给出中文摘要。from 缺省为 to 的上一个版本，to 缺省为最新版本。
         */
        get: operations["diffPackVersions"];
        put?: never;
        /**
         * 未保存的修改与已部署版本比较
         * @description 编辑器中尚未保存的文件与已部署版本的差异，不保存、不部署。与「版本比较」（GET /api/packs/{id}/diff）相同的差异：BPMN 元素、规则、表单字段、组织架构和 pack.json 设置，并给出中文摘要；与最新的已部署版本比较。文件无法解析时返回 422 PACK_INVALID，流程包未部署时返回 404。
         */
        post: operations["diffPackFiles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/migrations/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 流程版本迁移：有在办案件停留在旧版本的流程
         * @description 本辖区内仍有在办案件（办理中或有异常）运行在非最新版本上的流程，及各旧版本上的在办案件数。
         */
        get: operations["migrationVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/migrations/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 流程版本迁移：预检（只读）
         * @description 列出源版本上本辖区内在办案件的等待位置、元素映射（目标版本中 id 与类型相同的元素自动建议，mapping 覆盖建议）和逐案能否迁移及原因。不改变任何数据。映射到不存在或不能等待的元素、类型不同的元素，或目标版本不晚于源版本：422 MIGRATION_INVALID（details 中有元素 id）；未知的流程或版本：404 DEFINITION_NOT_FOUND；不属于本辖区的流程包：403。
         */
        post: operations["planMigration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 流程版本迁移：执行
         * @description 请求体同预检。逐案在各自的事务中持案件锁重新检查后迁移，并记入案件历史（migrated：源 / 目标版本、所用映射、操作人）；不能迁移的案件不做任何改变，继续按原版本办理，并给出原因代码：MIGRATION_UNMAPPED_ELEMENT（等待处在新版本中没有对应元素）、MIGRATION_FORM_INCOMPATIBLE（待办在新版本的表单要求案件数据中没有的字段）、MIGRATION_CASE_CHANGED（预检后案件已结束或已不在源版本）、MIGRATION_NOT_RUNNING（案件不在办理中：已结束、有异常或已中止）、MIGRATION_UNSUPPORTED_ELEMENT（在调用的流程或多实例子流程内等待；内嵌子流程及其内部等待的元素按映射迁移）、MIGRATION_MAPPING_CONFLICT（案件同时等待的两处映射到同一元素）、MIGRATION_FAILED（在新版本上恢复失败）、CASE_NOT_FOUND（指定的案件不存在或不在本辖区）。
         */
        post: operations["runMigration"];
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
    "/api/packs/{id}/drafts/{draftId}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 草稿与已部署版本比较
         * @description 与「版本比较」（GET /api/packs/{id}/diff）相同的差异：BPMN 元素、规则、表单字段、组织架构和 pack.json 设置，并给出中文摘要；与最新的已部署版本比较。文件无法解析时返回 422 PACK_INVALID，流程包未部署时返回 404。
         */
        get: operations["diffPackDraft"];
        put?: never;
        post?: never;
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
    "/api/cases/{id}/rating-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 生成当事人评价链接与评价码
         * @description 案件处于评价环节（有待办的评价任务），或已办结而尚无评价（如转诉讼）时，为当事人生成一次性的评价链接（含 256 位随机令牌）与 10 位评价码，30 天内有效，打印在回执上或由工作人员以短信发送。链接与评价码只在此返回一次，服务器只保存其 SHA-256。可多次生成；任一链接评价后，该案件的其他链接一并失效（每案只评价一次）。已评价 409 CASE_ALREADY_RATED；未到评价环节 409 CASE_NOT_ACTIVE。
         */
        post: operations["issueRatingLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/ratings/{credential}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 当事人评价：查看评价链接（无需登录）
         * @description 凭评价链接中的令牌或打印的评价码查看待评价的案件：只返回案件编号、脱敏的标题和办理单位。评价码输错按来源地址计数（每小时 20 次，所有来源合计 2000 次），超出 429 RATE_LIMITED；每个地址每分钟最多 120 次请求。无效 404 RATING_LINK_NOT_FOUND，过期 410 RATING_LINK_EXPIRED。
         */
        get: operations["getRatingLink"];
        put?: never;
        /**
         * 当事人评价：提交评价（无需登录）
         * @description 满意 / 基本满意 / 不满意，可附意见（500 字以内）。案件在评价环节时即完成评价任务（不满意按流程包的规则重新办理）；已办结的案件记为该案的评价。计入满意率，写入案件历史（办理人 citizen）。每案只评价一次：再次提交 409 CASE_ALREADY_RATED。
         */
        post: operations["submitRating"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/case-page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 公示：已办结案件的一页与总数（脱敏，无需登录）
         * @description 与 /api/public/cases 相同的公示内容，附总数，供分页。受理时的原始描述从不公示：有「公示摘要」的流程包（publication 表单的 summary，由工作人员撰写）显示摘要，没有的只显示类型等代码字段与脱敏字段。每个地址每分钟最多 120 次请求。
         */
        get: operations["listPublicCasePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessment/{packId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 考核结果：各考核对象的得分、排名与红榜
         * @description 按流程包的考核方案（pack.json 的 assessment）计算本辖区各部门或乡镇在周期内的指标与得分：本单位任务按时办结率、调处成功率、满意率、初访化解率、积案化解率（比率指标按 full / zero 线性得分），超期任务数、退回次数、被督办案件数（次数指标按次扣分），总分从高到低排名，低于红榜线的列入红榜。
         */
        get: operations["getAssessment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessment/{packId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 预览考核方案：用提交的方案计算（不部署、不保存）
         * @description 与 GET /api/assessment/{packId} 同一口径，但用请求中的 scheme（assessment.json 的内容）代替已部署的方案。方案不合格返回 422 ASSESSMENT_INVALID，details 逐条给出位置（JSON 指针）和原因。
         */
        post: operations["previewAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessment/{packId}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 考核下钻：某考核对象在某指标上失分的案件
         * @description indicator 为方案中的指标 key：列出使该单位在此指标上失分的案件（如超时完成任务、调处未成功、不满意、退回、被督办、未初访化解、积案未化解）；缺省列出该单位本期的全部案件。
         */
        get: operations["getAssessmentCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessment/{packId}/bulletin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 考核通报（Word 或 Excel）
         * @description 周期内各分组的排名表、红榜和总分柱状图（PNG 图片）：docx（Word）或 xlsx（Excel）。
         */
        get: operations["getAssessmentBulletin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/supervise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 挂牌督办（领导批示）
         * @description 领导对本辖区内在办的案件作出批示，可附督办期限（须晚于现在）并指定包案领导（须为辖区含此案的领导）。案件标为督办：收件箱、案件详情与统计中都有标记；责任单位的待办任务显示最新批示。可多次批示。由流程包指定的角色（pack.json supervision.by，缺省为领导）或系统管理员作出；辖区以外的案件返回 404。
         */
        post: operations["superviseCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/leader": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 指定包案领导
         * @description 领导包案：指定（leader 为 null 时取消）本案的包案领导；须为辖区含此案的领导账号。
         */
        post: operations["assignLeader"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/supervisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 案件的督办（批示） */
        get: operations["listCaseSupervisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 督办列表（本辖区）
         * @description status：active 督办中（默认）、closed 已销号、all。督办中的在前，新的在前；overdue 为已过督办期限。
         */
        get: operations["listSupervisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervisions/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 督办销号 */
        post: operations["closeSupervision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analysis/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 按当事人查询案件（研判）
         * @description kind：id 身份证号、phone 电话、name 姓名、address 地址；按规范化后的值精确匹配（全角转半角、去空格与分隔符、身份证 X 大写、电话去 86）。只返回本辖区可见的案件。每次查询记入查询审计（谁、何时、查了什么、返回几件）。无个人信息权限（pii:read）的角色看到脱敏的当事人信息。
         */
        get: operations["searchParties"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analysis/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 研判查询审计
         * @description 每次按当事人查询的记录（新的在前）：查询人、角色、时间、种类、脱敏后的查询值及其规范化值的 SHA-256、返回案件数。记录不可修改或删除。
         */
        get: operations["listSearchAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/repeats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 重复来访（同一当事人的其他案件）
         * @description 与本案身份证号、电话或地址相同、受理时间在流程包 analysis.repeatDays 天内（前后）的本辖区其他案件。
         */
        get: operations["listRepeats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analysis/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 突增预警
         * @description 本辖区每个乡镇（含其村、网格）和每个事项类型：最近 7 天的受理数达到此前 8 周周均的流程包倍数（analysis.spikeFactor，缺省 3）且不少于 analysis.spikeMinimum 件（缺省 5）时预警。
         */
        get: operations["listSpikeAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analysis/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月度研判记录 */
        get: operations["listAnalysisRecords"];
        put?: never;
        /**
         * 新建月度研判记录（草稿）
         * @description 研判内容与关联案件（须在本人辖区内可见）；单位缺省为本人所属单位。由领导签批后定稿。
         */
        post: operations["createAnalysisRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analysis/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 研判记录 */
        get: operations["getAnalysisRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analysis/records/{id}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 领导签批研判记录 */
        post: operations["signOffAnalysisRecord"];
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
         * @description 按受理时间 [from, to) 统计本辖区案件。办结率 = 办结 / 受理；调处成功率 = 最后一次调处结果为成功 / 有调处结果；满意率 =（满意 + 基本满意）/ 已评价（以最后一次评价为准）；按时办结率 = 没有任何任务超时完成的办结案件 / 办结；超期 = 未办结且有任务已过办理时限；初访化解率 = 初访化解（办结、调处成功、从未退回转办、未因不满意重办）/ 办结；积案化解率 = 积案中办结且调处成功的 / 积案（受理时标记久拖不决，或受理后 90 天未办结）。数字来自随每一步办理同时更新的汇总表，不逐案扫描。
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
            /** @description 案件正在进行的督办（领导批示），无督办为 null */
            supervision: components["schemas"]["TaskSupervision"] | null;
            /** @description 案件正在督办中：有未销号的领导批示，或流程的挂牌督办环节（如超时督办）尚未办结 */
            supervised: boolean;
        };
        TaskSupervision: {
            id: number;
            /** @description 领导批示 */
            instruction: string;
            /**
             * Format: date-time
             * @description 督办期限
             */
            deadline: string | null;
            /** @description 包案领导（用户名） */
            leaderInCharge: string | null;
            /** @description 批示人 */
            by: string;
            /** Format: date-time */
            at: string;
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
            /**
             * Format: date-time
             * @description 挂牌督办的时间；null 为未督办
             */
            supervisedAt: string | null;
            /** @description 包案领导（用户名） */
            leaderInCharge: string | null;
            openTasks: components["schemas"]["Task"][];
            tasks: components["schemas"]["Task"][];
            incidents: components["schemas"]["Incident"][];
            /** @description 办理过程时间线 */
            history: components["schemas"]["HistoryEntry"][];
        };
        CaseDetail: components["schemas"]["Case"] & {
            /** @description 时间线、任务和包案领导中出现的用户名 → 姓名 */
            people: {
                [key: string]: string;
            };
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
            /** @description 挂牌督办 */
            supervised: boolean;
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
        WhatIfDecision: {
            /** @description 办理部门编码（联合调解时牵头在前） */
            departments: string[];
            /** @description 办理层级 */
            level: string | null;
            /** @description 联合调解 */
            joint: boolean;
            /** @description 牵头单位 */
            leadUnit: string | null;
            /** @description 案件等级 */
            caseClass: string | null;
            /** @description 办理时限（ISO 8601 时长） */
            dueIn: string | null;
        };
        WhatIfReport: {
            packId: string;
            /**
             * Format: date-time
             * @description 受理时间起（含）
             */
            from: string;
            /**
             * Format: date-time
             * @description 受理时间止（不含）
             */
            to: string;
            /** @description 试算的流程（拟部署包的流程键） */
            processes: string[];
            /** @description 试算的案件数 */
            cases: number;
            /** @description 试算的分流决定数（一案可多次分流） */
            decisions: number;
            /** @description 分流结果会改变的案件数 */
            changedCases: number;
            changed: {
                /** @description 办理部门会改变 */
                departments: number;
                /** @description 办理层级会改变 */
                level: number;
                /** @description 是否联合调解会改变 */
                joint: number;
                /** @description 牵头单位会改变 */
                leadUnit: number;
                /** @description 案件等级会改变 */
                caseClass: number;
                /** @description 办理时限会改变 */
                dueIn: number;
            };
            /** @description 原分流 → 新分流（部门与层级），按数量从多到少 */
            transitions: {
                from: string;
                to: string;
                count: number;
            }[];
            /** @description 命中数会改变的规则 */
            rules: {
                ruleSet: string;
                rule: string;
                before: number;
                after: number;
            }[];
            /** @description 新规则无法决定（命中策略冲突）的分流数 */
            conflicts: number;
            /** @description 原分流用过、拟部署包中已没有的规则集 */
            missingRuleSets: {
                ruleSet: string;
                decisions: number;
            }[];
            /** @description 会改变的分流（按受理先后；最多 500 条） */
            changes: {
                /** Format: uuid */
                caseId: string;
                number: number;
                title: string | null;
                processKey: string;
                /** @description 分流任务 */
                elementId: string | null;
                ruleSet: string;
                before: components["schemas"]["WhatIfDecision"];
                after: components["schemas"]["WhatIfDecision"] | null;
                changed: ("departments" | "level" | "joint" | "leadUnit" | "caseClass" | "dueIn")[];
                rulesBefore: string[];
                rulesAfter: string[];
                /** @description 没有新决定的原因 */
                problem?: string;
            }[];
            /** @description 会改变的分流多于列出的 */
            changesTruncated: boolean;
            /** @description 时间段内案件多于一次试算的上限，只试算了最早的部分 */
            truncated: boolean;
            /** @description 一次试算的案件上限 */
            maxCases: number;
        };
        MigrationVersions: {
            /** @description 流程键 */
            processKey: string;
            /** @description 流程名称 */
            name: string;
            /** @description 最新版本 */
            latestVersion: number;
            /** @description 有在办案件的旧版本 */
            versions: {
                /** @description 版本 */
                version: number;
                /** @description 在办案件数 */
                runningCases: number;
            }[];
        };
        MigrationPlan: {
            processKey: string;
            fromVersion: number;
            toVersion: number;
            /** @description 生效的元素映射：自动建议（目标版本中 id 与类型相同）加请求中给出的 */
            mapping: {
                [key: string]: string;
            };
            /** @description 在办案件的等待位置 */
            elements: {
                elementId: string;
                name: string;
                /** @description BPMN 类型，如 bpmn:UserTask */
                type: string;
                /** @description 在此等待的案件数 */
                caseCount: number;
                /** @description 映射到的目标元素；null：没有映射 */
                mappedTo: string | null;
                /** @description 映射是自动建议的 */
                proposed: boolean;
                problem?: {
                    code: string;
                    message: string;
                };
                /** @description 目标版本在此步骤上新增的定时边界事件：迁移时开始计时（已有的定时器保留原到期时间） */
                newTimers?: {
                    elementId: string;
                    name: string;
                    /** @description ISO 8601 时长，如 P1D */
                    duration: string | null;
                    /** @description 到期时中断该步骤（false：步骤保留） */
                    interrupting: boolean;
                }[];
            }[];
            /** @description 目标版本中可作为映射目标的元素 */
            targetElements: {
                elementId: string;
                name: string;
                type: string;
            }[];
            /** @description 逐案（最多 500 条） */
            cases: {
                /** Format: uuid */
                caseId: string;
                /** @description 案件编号 */
                caseNo: string;
                title: string;
                waitingAt: string[];
                migratable: boolean;
                /** @description 不能迁移的原因代码 */
                code?: string;
                /** @description 不能迁移的原因 */
                reason?: string;
            }[];
            /** @description 案件数 */
            caseCount: number;
            /** @description 可迁移的案件数 */
            migratableCount: number;
            /** @description 全部案件都可迁移 */
            ok: boolean;
        };
        MigrationResult: {
            /** @description 迁移记录 id */
            migrationId: string;
            /** @description 已迁移 */
            migrated: number;
            /** @description 未迁移 */
            refused: number;
            results: {
                caseId: string;
                caseNo: string;
                /** @enum {string} */
                status: "migrated" | "refused";
                /** @description 未迁移的原因代码 */
                code?: string;
                /** @description 未迁移的原因 */
                reason?: string;
            }[];
        };
        PackDiff: {
            /** @description 旧版本 */
            from: string;
            /** @description 新版本 */
            to: string;
            bpmn: {
                file: string;
                /** @enum {string} */
                status: "added" | "removed" | "changed" | "unchanged";
                added: components["schemas"]["ElementChange"][];
                removed: components["schemas"]["ElementChange"][];
                changed: components["schemas"]["ElementChange"][];
                /** @description 只调整了图中位置的元素 */
                layoutChanged: string[];
            }[];
            rules: {
                name: string;
                /** @enum {string} */
                status: "added" | "removed" | "changed";
                rulesAdded: string[];
                rulesRemoved: string[];
                rulesChanged: string[];
                /** @description hitPolicy、defaults、timeLimits、groups、conditions */
                settingsChanged: string[];
            }[];
            forms: {
                key: string;
                /** @enum {string} */
                status: "added" | "removed" | "changed";
                fieldsAdded: string[];
                fieldsRemoved: string[];
                nowRequired: string[];
                noLongerRequired: string[];
                fieldsChanged: string[];
            }[];
            org: {
                unitsAdded: string[];
                unitsRemoved: string[];
                unitsRenamed: {
                    code: string;
                    from: string;
                    to: string;
                }[];
                departmentsAdded: string[];
                departmentsRemoved: string[];
                departmentsChanged: string[];
            };
            /** @description pack.json 中改动的设置 */
            manifestChanged: string[];
            /** @description 中文摘要，一行一处改动 */
            summary: string[];
        };
        ElementChange: {
            id: string;
            /** @description BPMN 类型 */
            type: string;
            name: string | null;
            /** @description 改动的属性 */
            attrs?: string[];
            /** @description 顺序流两端的元素 id（改动的顺序流含改动前的两端） */
            ends?: string[];
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
            /** @description 分组值（类型、单位编码、层级、乡镇编码、部门编码、YYYY-MM、来源渠道、纠纷等级 general/larger/major、办理层级） */
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
            /** @description 挂牌督办的案件数 */
            supervised: number;
            /** @description 办结率 = 办结 /（受理 − 撤回 − 不予受理） */
            closureRate: number | null;
            /** @description 按时办结率 = 按时办结 / 办结 */
            onTimeRate: number | null;
            /** @description 调处成功率 = 调处成功 / 有调处结果 */
            successRate: number | null;
            /** @description 满意率 =（满意 + 基本满意）/ 已评价 */
            satisfactionRate: number | null;
            /** @description 初访化解数：办结、最后调处结果为成功，且从未退回、转办，也未因不满意重新办理 */
            firstResolved: number;
            /** @description 积案数：受理时标记为久拖不决，或受理后 90 天仍未办结（撤回、不予受理的不计） */
            backlog: number;
            /** @description 积案化解数：积案中已办结且调处成功的 */
            backlogResolved: number;
            /** @description 初访化解率 = 初访化解 / 办结 */
            firstResolveRate: number | null;
            /** @description 积案化解率 = 积案化解 / 积案 */
            backlogResolveRate: number | null;
        };
        Stats: {
            from: string | null;
            to: string | null;
            /** @enum {string} */
            groupBy: "type" | "unit" | "level" | "township" | "department" | "month" | "channel" | "caseClass" | "handlingLevel";
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
                /** @description 挂牌督办的案件数 */
                supervised: number;
                /** @description 办结率 = 办结 /（受理 − 撤回 − 不予受理） */
                closureRate: number | null;
                /** @description 按时办结率 = 按时办结 / 办结 */
                onTimeRate: number | null;
                /** @description 调处成功率 = 调处成功 / 有调处结果 */
                successRate: number | null;
                /** @description 满意率 =（满意 + 基本满意）/ 已评价 */
                satisfactionRate: number | null;
                /** @description 初访化解数：办结、最后调处结果为成功，且从未退回、转办，也未因不满意重新办理 */
                firstResolved: number;
                /** @description 积案数：受理时标记为久拖不决，或受理后 90 天仍未办结（撤回、不予受理的不计） */
                backlog: number;
                /** @description 积案化解数：积案中已办结且调处成功的 */
                backlogResolved: number;
                /** @description 初访化解率 = 初访化解 / 办结 */
                firstResolveRate: number | null;
                /** @description 积案化解率 = 积案化解 / 积案 */
                backlogResolveRate: number | null;
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
            /** @description 挂牌督办 */
            supervised: boolean;
        };
        UnitFigures: {
            /** @description 考核对象编码 */
            unit: string;
            /** @description 本期受理、本单位承办的案件数（不含撤回、不予受理） */
            cases: number;
            /** @description 本单位已完成的有时限任务数 */
            tasks: number;
            /** @description 其中按时完成的 */
            tasksOnTime: number;
            /** @description 本单位超时完成或已超期未完成的任务数 */
            overdueTasks: number;
            /** @description 本单位记录了调处结果的案件数 */
            mediated: number;
            /** @description 其中本单位最后一次调处成功的 */
            succeeded: number;
            /** @description 已评价案件数 */
            rated: number;
            /** @description 其中满意或基本满意的 */
            satisfied: number;
            /** @description 本单位退回任务的次数 */
            returns: number;
            /** @description 被督办的案件数 */
            supervised: number;
            /** @description 初访化解的案件数 */
            firstContact: number;
            /** @description 本期内的积案数 */
            backlog: number;
            /** @description 本期化解的积案数 */
            backlogResolved: number;
        };
        AssessmentReport: {
            packId: string;
            packName: string | null;
            scheme: {
                /** @description 方案名称 */
                name: string;
                /** @description 满分 */
                total: number;
                /** @description 红榜线 */
                redLine: number | null;
                /** @description 积案天数 */
                backlogDays: number;
            };
            period: {
                /** @description 2026-03、2026-Q1 或 2026 */
                key: string;
                /** @enum {string} */
                kind: "month" | "quarter" | "year";
                /** @description 如 2026年3月 */
                label: string;
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
            };
            group: {
                key: string;
                label: string;
            };
            groups: {
                key: string;
                label: string;
            }[];
            indicators: {
                key: string;
                label: string;
                figure: string;
                figureLabel: string;
                /** @enum {string} */
                kind: "rate" | "count";
                weight: number;
            }[];
            /** @description 按总分从高到低 */
            units: {
                unit: string;
                name: string;
                total: number;
                rank: number;
                /** @description 低于红榜线 */
                red: boolean;
                indicators: {
                    key: string;
                    label: string;
                    figure: string;
                    /** @description 比率（0–1）或次数；无可计算的案件为 null */
                    value: number | null;
                    /** @description 计算依据，如 18/20 */
                    basis: string;
                    weight: number;
                    points: number;
                    /** @description 失分 */
                    lost: number;
                }[];
                figures: components["schemas"]["UnitFigures"];
            }[];
        };
        AssessmentCase: {
            /** Format: uuid */
            id: string;
            number: number;
            processKey: string;
            title: string | null;
            type: string | null;
            unit: string | null;
            status: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
            /** @description 本单位已完成的有时限任务数 */
            tasks: number;
            /** @description 其中按时完成的 */
            tasksOnTime: number;
            /** @description 本单位超期任务数 */
            overdueTasks: number;
            /** @description 本单位最后一次调处结果 */
            result: string | null;
            /** @description 评价 */
            satisfaction: string | null;
            /** @description 本单位退回次数 */
            returns: number;
            supervised: boolean;
            /** @description 初访化解 */
            firstContact: boolean;
            /** @description 积案 */
            backlog: boolean;
            /** @description 积案本期化解 */
            backlogResolved: boolean;
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
            /** @description 流程包 public 配置的公示字段：类型等代码字段与脱敏字段（受理时的原始文字从不公示） */
            fields: {
                field: string;
                title: string;
                value: string;
            }[];
            /** @description 工作人员撰写的公示摘要（已脱敏）；流程包无公示摘要或本案未经公示环节时为 null */
            summary: string | null;
        };
        PublicCasePage: {
            items: components["schemas"]["PublicCase"][];
            /** @description 公示案件总数 */
            total: number;
            limit: number;
            offset: number;
        };
        RatingLink: {
            /** @description 评价链接的令牌（256 位随机数，base64url），只返回这一次 */
            token: string;
            /** @description 评价码（10 位，如 7K2QF-9XM3D），只返回这一次 */
            code: string;
            /** @description 评价页面的路径（/rate/{token}），前面加上本系统的地址即为链接 */
            path: string;
            /**
             * Format: date-time
             * @description 有效期至
             */
            expiresAt: string;
            /**
             * @description evaluation：案件在评价环节；closed：已办结（如转诉讼）尚无评价
             * @enum {string}
             */
            stage: "evaluation" | "closed";
        };
        RatingLinkView: {
            /** @description 案件编号 */
            caseNumber: number;
            /** @description 案件标题（脱敏，过长截断） */
            title: string | null;
            /** @description 办理单位 */
            unitName: string | null;
            /**
             * Format: date-time
             * @description 链接有效期至
             */
            expiresAt: string;
            /** @description 该案件是否已由当事人评价 */
            rated: boolean;
        };
        RatingResult: {
            caseNumber: number;
            /** @enum {string} */
            satisfaction: "satisfied" | "basic" | "dissatisfied";
            /** Format: date-time */
            ratedAt: string;
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
        Supervision: {
            id: number;
            /** Format: uuid */
            caseId: string;
            /** @description 领导批示 */
            instruction: string;
            /**
             * Format: date-time
             * @description 督办期限
             */
            deadline: string | null;
            /** @description 随督办指定的包案领导 */
            leaderInCharge: string | null;
            /**
             * @description 督办中、已销号
             * @enum {string}
             */
            status: "active" | "closed";
            /** @description 批示人 */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            closedBy: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** @description 销号意见 */
            closingNote: string | null;
        };
        SupervisionEntry: components["schemas"]["Supervision"] & {
            caseNumber: number;
            caseTitle: string | null;
            caseType: string | null;
            caseUnit: string | null;
            caseUnitName: string | null;
            caseStatus: string;
            processKey: string;
            /** @description 督办中且已过督办期限 */
            overdue: boolean;
            /** @description 批示领导的姓名（无此用户为 null） */
            createdByName: string | null;
            /** @description 包案领导的姓名（未指定或无此用户为 null） */
            leaderInChargeName: string | null;
        };
        AnalysisCase: {
            /** Format: uuid */
            id: string;
            number: number;
            processKey: string;
            title: string | null;
            type: string | null;
            channel: string | null;
            unit: string | null;
            unitName: string | null;
            status: string;
            /** Format: date-time */
            createdAt: string;
            /** @description 挂牌督办 */
            supervised: boolean;
            parties: {
                names: string[];
                idNumbers: string[];
                phones: string[];
                addresses: string[];
            };
            /** @description 个人信息是否已脱敏（无 pii:read 权限的角色看到脱敏结果） */
            masked: boolean;
            /** @description 匹配上的当事人信息种类 */
            matched: ("id" | "phone" | "name" | "address")[];
        };
        Repeats: {
            /** @description 判定重复的天数（流程包 analysis.repeatDays） */
            days: number;
            /** @description 同一身份证号、电话或地址在该天数内的其他案件 */
            cases: components["schemas"]["AnalysisCase"][];
        };
        SearchAudit: {
            id: number;
            /** Format: date-time */
            at: string;
            username: string;
            role: string;
            /** @enum {string} */
            kind: "id" | "phone" | "name" | "address";
            /** @description 查询的值（已脱敏） */
            value: string;
            /** @description 规范化后查询值的 SHA-256（核对用） */
            valueHash: string;
            /** @description 返回的案件数 */
            results: number;
        };
        SpikeAlert: {
            /**
             * @description 乡镇或事项类型
             * @enum {string}
             */
            dimension: "township" | "type";
            pack: string;
            key: string | null;
            label: string | null;
            /** @description 最近 7 天的受理数 */
            current: number;
            /** @description 此前 8 周的周均受理数 */
            baseline: number;
            /** @description 最近 7 天 / 周均；周均为 0 时为 null */
            ratio: number | null;
            /** @description 流程包设置的倍数阈值 */
            factor: number;
            /** @description 流程包设置的最少案件数 */
            minimum: number;
        };
        AnalysisRecord: {
            id: number;
            /** @description 研判月份 YYYY-MM */
            month: string;
            unit: string | null;
            unitName: string | null;
            title: string;
            /** @description 研判内容 */
            analysis: string;
            /** @description 关联案件 */
            caseIds: string[];
            /** @description 关联案件（当前用户可见的） */
            cases: {
                /** Format: uuid */
                id: string;
                number: number;
                title: string | null;
            }[];
            /**
             * @description 草稿、已签批
             * @enum {string}
             */
            status: "draft" | "signed";
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            signedBy: string | null;
            /** Format: date-time */
            signedAt: string | null;
            /** @description 签批意见 */
            signOffNote: string | null;
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
        /** @description 不存在或不在辖区内（CASE_NOT_FOUND、TASK_NOT_FOUND、FORM_NOT_FOUND、PACK_NOT_FOUND、DEFINITION_NOT_FOUND、RATING_LINK_NOT_FOUND） */
        E404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 冲突（TASK_ALREADY_COMPLETED、TASK_CLAIMED、NOT_ASSIGNEE、TASK_NOT_OPEN、CASE_ALREADY_RATED、PACK_VERSION_EXISTS、USER_EXISTS、IDEMPOTENCY_KEY_IN_USE） */
        E409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 已过期（RATING_LINK_EXPIRED，当事人评价链接已过期） */
        E410: {
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
        /** @description 请求过于频繁（RATE_LIMITED，登录失败过多、公开接口请求过多或评价码输错过多；TOO_MANY_EXPORTS，同时导出过多），Retry-After 头给出等待秒数 */
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
                /** @description 标题、类型、编号或当事人姓名中的关键字 */
                q?: string;
                /** @description true：只看挂牌督办的案件 */
                supervised?: boolean;
                /** @description 条数 */
                limit?: number;
                /** @description 偏移（有 cursor 时不用） */
                offset?: number;
                /** @description 上一页响应头 X-Next-Cursor 的游标 */
                cursor?: string;
                /** @description 是否在响应头 X-Total-Count 给出总数（有上限） */
                count?: boolean;
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
                    "application/json": components["schemas"]["CaseDetail"];
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
                /** @description 偏移（有 cursor 时不用） */
                offset?: number;
                /** @description 上一页响应头 X-Next-Cursor 的游标 */
                cursor?: string;
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
    whatIfPack: {
        parameters: {
            query?: {
                /** @description 受理时间起（含），YYYY-MM-DD（北京时间）或 ISO 8601 */
                from?: string;
                /** @description 受理时间止（不含）；缺省为现在 */
                to?: string;
            };
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
            /** @description 试算结果（multipart 最多 100 个文件、合计 5 MB） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatIfReport"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            422: components["responses"]["E422"];
            429: components["responses"]["E429"];
        };
    };
    diffPackVersions: {
        parameters: {
            query?: {
                /** @description 旧版本（缺省为 to 的上一个版本） */
                from?: string;
                /** @description 新版本（缺省为最新） */
                to?: string;
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
            /** @description 两个版本的差异 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDiff"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            422: components["responses"]["E422"];
        };
    };
    diffPackFiles: {
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
                    /** 包内路径 → 文件内容 */
                    files: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description 差异 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDiff"];
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
    migrationVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 流程及其旧版本 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationVersions"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    planMigration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 流程键（如 longxi/dispute） */
                    processKey: string;
                    /** 源版本 */
                    fromVersion: number;
                    /** 目标版本（须晚于源版本） */
                    toVersion: number;
                    /** 元素映射：源元素 id → 目标元素 id（覆盖自动建议） */
                    mapping?: {
                        [key: string]: string;
                    };
                    /** 只迁移这些案件（缺省：源版本上本辖区内的全部在办案件） */
                    caseIds?: string[];
                };
            };
        };
        responses: {
            /** @description 迁移预检结果（逐案最多 500 条） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationPlan"];
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
    runMigration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** 流程键（如 longxi/dispute） */
                    processKey: string;
                    /** 源版本 */
                    fromVersion: number;
                    /** 目标版本（须晚于源版本） */
                    toVersion: number;
                    /** 元素映射：源元素 id → 目标元素 id（覆盖自动建议） */
                    mapping?: {
                        [key: string]: string;
                    };
                    /** 只迁移这些案件（缺省：源版本上本辖区内的全部在办案件） */
                    caseIds?: string[];
                };
            };
        };
        responses: {
            /** @description 逐案迁移结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationResult"];
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
    diffPackDraft: {
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
            /** @description 差异 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDiff"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            422: components["responses"]["E422"];
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
    issueRatingLink: {
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
            /** @description 评价链接（令牌、评价码、有效期） */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingLink"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    getRatingLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 评价链接中的令牌（43 位）或评价码（如 7K2QF-9XM3D，不区分大小写） */
                credential: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 待评价的案件（脱敏） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingLinkView"];
                };
            };
            404: components["responses"]["E404"];
            410: components["responses"]["E410"];
            429: components["responses"]["E429"];
        };
    };
    submitRating: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 评价链接中的令牌或评价码 */
                credential: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * 满意度：satisfied 满意、basic 基本满意、dissatisfied 不满意
                     * @enum {string}
                     */
                    satisfaction: "satisfied" | "basic" | "dissatisfied";
                    /** 评价意见 */
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description 已评价 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingResult"];
                };
            };
            400: components["responses"]["E400"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            410: components["responses"]["E410"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            429: components["responses"]["E429"];
        };
    };
    listPublicCasePage: {
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
            /** @description 公示的一页 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCasePage"];
                };
            };
            400: components["responses"]["E400"];
            429: components["responses"]["E429"];
        };
    };
    getAssessment: {
        parameters: {
            query: {
                /** @description 考核周期（北京时间）：2026-03 月度、2026-Q1 季度、2026 年度；统计该周期内受理的案件（积案按周期内是否超期未结） */
                period: string;
                /** @description 考核分组（方案 groups 的 key，如 departments、townships）；缺省为第一个分组 */
                group?: string;
            };
            header?: never;
            path: {
                /** @description 流程包 id（如 longxi） */
                packId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 考核结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentReport"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    previewAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 流程包 id（如 longxi） */
                packId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    period: string;
                    group?: string;
                    /** @description 考核方案（assessment.schema.json） */
                    scheme: Record<string, unknown>;
                };
            };
        };
        responses: {
            /** @description 按提交的方案计算的考核结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentReport"];
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
    getAssessmentCases: {
        parameters: {
            query: {
                /** @description 考核周期（北京时间）：2026-03 月度、2026-Q1 季度、2026 年度；统计该周期内受理的案件（积案按周期内是否超期未结） */
                period: string;
                /** @description 考核分组（方案 groups 的 key，如 departments、townships）；缺省为第一个分组 */
                group?: string;
                /** @description 考核对象（部门编码或乡镇单位编码） */
                unit: string;
                /** @description 指标 key */
                indicator?: string;
                /** @description 条数 */
                limit?: number;
                /** @description 偏移 */
                offset?: number;
            };
            header?: never;
            path: {
                /** @description 流程包 id（如 longxi） */
                packId: string;
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
                    "application/json": components["schemas"]["AssessmentCase"][];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    getAssessmentBulletin: {
        parameters: {
            query: {
                /** @description 考核周期（北京时间）：2026-03 月度、2026-Q1 季度、2026 年度；统计该周期内受理的案件（积案按周期内是否超期未结） */
                period: string;
                /** @description 文件格式 */
                format?: "docx" | "xlsx";
            };
            header?: never;
            path: {
                /** @description 流程包 id（如 longxi） */
                packId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 通报文件（附件下载） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    superviseCase: {
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
                    /** 批示 */
                    instruction: string;
                    /**
                     * 督办期限
                     * Format: date-time
                     */
                    deadline?: string;
                    /** 包案领导（用户名） */
                    leaderInCharge?: string;
                };
            };
        };
        responses: {
            /** @description 督办 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supervision"];
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
    assignLeader: {
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
                    /** 包案领导（用户名） */
                    leader: string | null;
                };
            };
        };
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
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
        };
    };
    listCaseSupervisions: {
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
            /** @description 督办（按先后） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supervision"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    listSupervisions: {
        parameters: {
            query?: {
                /** @description 状态 */
                status?: "active" | "closed" | "all";
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
            /** @description 督办 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionEntry"][];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    closeSupervision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 督办 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** 销号意见 */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description 销号后的督办 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supervision"];
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
    searchParties: {
        parameters: {
            query: {
                /** @description 查询种类 */
                kind: "id" | "phone" | "name" | "address";
                /** @description 查询值 */
                value: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 案件（新的在前，最多 100 件） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisCase"][];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    listSearchAudit: {
        parameters: {
            query?: {
                /** @description 只看某一用户 */
                username?: string;
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
            /** @description 查询记录 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchAudit"][];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    listRepeats: {
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
            /** @description 重复案件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Repeats"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    listSpikeAlerts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 预警（倍数高的在前） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpikeAlert"][];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    listAnalysisRecords: {
        parameters: {
            query?: {
                /** @description 月份 YYYY-MM */
                month?: string;
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
            /** @description 研判记录（新的月份在前） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisRecord"][];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    createAnalysisRecord: {
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
                    /** 研判月份 */
                    month: string;
                    /** 标题 */
                    title: string;
                    /** 研判内容 */
                    analysis: string;
                    /** 关联案件 */
                    caseIds?: string[];
                    /** 单位编码 */
                    unit?: string;
                };
            };
        };
        responses: {
            /** @description 研判记录 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisRecord"];
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
    getAnalysisRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 研判记录 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 研判记录 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisRecord"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    signOffAnalysisRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 研判记录 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** 签批意见 */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description 签批后的研判记录 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisRecord"];
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
    getStats: {
        parameters: {
            query?: {
                /** @description 受理时间起（含），YYYY-MM-DD（北京时间）或 ISO 8601 */
                from?: string;
                /** @description 受理时间止（不含） */
                to?: string;
                /** @description 只统计某一流程（longxi/dispute）或某一流程包（longxi） */
                process?: string;
                /** @description 分组：type 类型、unit 单位、level 层级、township 乡镇（村、网格计入所在乡镇）、department 部门（办理过该案的部门，一案可计入多个部门）、month 受理月份、channel 来源渠道、caseClass 纠纷等级（分流决定）、handlingLevel 办理层级（分流决定） */
                groupBy?: "type" | "unit" | "level" | "township" | "department" | "month" | "channel" | "caseClass" | "handlingLevel";
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
                /** @description 分组：type 类型、unit 单位、level 层级、township 乡镇（村、网格计入所在乡镇）、department 部门（办理过该案的部门，一案可计入多个部门）、month 受理月份、channel 来源渠道、caseClass 纠纷等级（分流决定）、handlingLevel 办理层级（分流决定） */
                groupBy?: "type" | "unit" | "level" | "township" | "department" | "month" | "channel" | "caseClass" | "handlingLevel";
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
                /** @description 分组：type 类型、unit 单位、level 层级、township 乡镇（村、网格计入所在乡镇）、department 部门（办理过该案的部门，一案可计入多个部门）、month 受理月份、channel 来源渠道、caseClass 纠纷等级（分流决定）、handlingLevel 办理层级（分流决定） */
                groupBy?: "type" | "unit" | "level" | "township" | "department" | "month" | "channel" | "caseClass" | "handlingLevel";
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
            429: components["responses"]["E429"];
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
