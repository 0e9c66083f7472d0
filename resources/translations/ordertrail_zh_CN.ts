<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="29"/>
        <source>About OrderTrail</source>
        <translation>关于 OrderTrail</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="32"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="40"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="41"/>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="43"/>
        <source>Runs on</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="54"/>
        <source>Licences of the font and the libraries it ships:</source>
        <translation>随程序附带的字体和程序库的许可证：</translation>
    </message>
</context>
<context>
    <name>AdminConsole</name>
    <message>
        <location filename="../../ui/admin_console.py" line="587"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="592"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="593"/>
        <source>Customers and suppliers</source>
        <translation>客户与供应商</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="594"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="595"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="596"/>
        <source>Notification channels</source>
        <translation>通知渠道</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="597"/>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
</context>
<context>
    <name>AgeingTab</name>
    <message>
        <location filename="../../ui/money_view.py" line="76"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="83"/>
        <source>Customer / supplier</source>
        <translation>客户/供应商</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="83"/>
        <source>Side</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="83"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="85"/>
        <source>Total open</source>
        <translation>未结合计</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="85"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="90"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="91"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="92"/>
        <source>Paid</source>
        <translation>已收付</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="93"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="94"/>
        <source>Payment due</source>
        <translation>付款到期日</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="95"/>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="99"/>
        <source>Open orders of the selected party</source>
        <translation>所选客户/供应商的未结订单</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="115"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="131"/>
        <source>Receivable</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="131"/>
        <source>Payable</source>
        <translation>应付</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="134"/>
        <source>As at %1 · receivable %2 · payable %3</source>
        <translation>截至 %1 · 应收 %2 · 应付 %3</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="158"/>
        <source>Open receivable over the credit limit</source>
        <translation>未收款超过信用额度</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="168"/>
        <source>Open orders of %1</source>
        <translation>%1 的未结订单</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="187"/>
        <source>not yet due</source>
        <translation>未到期</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../ui/amend_dialog.py" line="163"/>
        <source>Amend %1</source>
        <translation>修改订单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="184"/>
        <source>An approved order is not edited in place: this records an amendment (revision %1). Set 0 to remove a line. A total grown past the approval amount goes back to approval.</source>
        <translation>已审批的订单不在原单上直接修改：这里登记一张改单（第 %1 版）。数量填 0 即删除该行。改单后金额超过审批额度的，订单将退回重新审批。</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="198"/>
        <source>Nothing changes yet.</source>
        <translation>还没有任何改动。</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../ui/board.py" line="63"/>
        <source>OrderTrail wall display</source>
        <translation>采销订单跟踪 · 数字大屏</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="69"/>
        <source>Orders today</source>
        <translation>今日订单</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="78"/>
        <source>To ship today</source>
        <translation>今日待发货</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="79"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="83"/>
        <source>Orders at each node</source>
        <translation>各节点订单</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="161"/>
        <source>Cannot read the database: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="168"/>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="183"/>
        <source>due %1</source>
        <translation>交期 %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="185"/>
        <source>no due date</source>
        <translation>无交期</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="188"/>
        <source>%1 h at node</source>
        <translation>已停留 %1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="199"/>
        <source>and %1 more</source>
        <translation>另有 %1 张</translation>
    </message>
</context>
<context>
    <name>CarrierTracking</name>
    <message>
        <location filename="../../ui/tracking_actions.py" line="92"/>
        <source>Import carrier statuses…</source>
        <translation>导入快递状态…</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="94"/>
        <source>Ask the tracking service</source>
        <translation>查询快递服务</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="102"/>
        <source>Import carrier statuses</source>
        <translation>导入快递状态</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="104"/>
        <source>Carrier exports (*.csv *.xlsx)</source>
        <translation>快递状态导出文件 (*.csv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <location filename="../../ui/notices.py" line="165"/>
        <source>How I am told</source>
        <translation>通知方式</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="171"/>
        <source>My e-mail address</source>
        <translation>我的电子邮件地址</translation>
    </message>
</context>
<context>
    <name>ChannelSettingsPage</name>
    <message>
        <location filename="../../ui/notices.py" line="245"/>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="246"/>
        <source>SMTP port</source>
        <translation>SMTP 端口</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="247"/>
        <source>SMTP security (starttls, tls, none)</source>
        <translation>SMTP 加密（starttls、tls、none）</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="248"/>
        <source>SMTP user</source>
        <translation>SMTP 用户名</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="249"/>
        <source>SMTP password</source>
        <translation>SMTP 密码</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="250"/>
        <source>Sender address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="251"/>
        <source>WeCom group robot address</source>
        <translation>企业微信群机器人地址</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="252"/>
        <source>DingTalk group robot address</source>
        <translation>钉钉群机器人地址</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="253"/>
        <source>DingTalk signing secret</source>
        <translation>钉钉加签密钥</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="254"/>
        <source>Webhook address</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="255"/>
        <source>Webhook signing key</source>
        <translation>Webhook 签名密钥</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="256"/>
        <source>Language of the messages (zh, en)</source>
        <translation>消息语言（zh 中文，en 英文）</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="267"/>
        <source>Send a test message</source>
        <translation>发送测试消息</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="269"/>
        <source>Save channels</source>
        <translation>保存通知渠道</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="295"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="300"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="305"/>
        <source>Test message sent: %1</source>
        <translation>测试消息已发出：%1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="45"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="49"/>
        <source>Something went wrong inside OrderTrail: %1

What you were doing was not saved; the data in the database is untouched. The details are in the log file:
%2</source>
        <translation>OrderTrail 内部出错：%1

刚才的操作没有保存，数据库中的数据没有任何改动。详细信息已写入日志文件：
%2</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="62"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="74"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard.py" line="137"/>
        <source>The dashboard is for the owner and the administrator.</source>
        <translation>经营看板供老板/管理和管理员查看。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="144"/>
        <source>Dashboard</source>
        <translation>经营看板</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="148"/>
        <source>Last %1 days</source>
        <translation>近 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="152"/>
        <source>Export PDF report…</source>
        <translation>导出 PDF 报告…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="154"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="171"/>
        <location filename="../../ui/dashboard.py" line="398"/>
        <source>Open orders</source>
        <translation>未完结订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="172"/>
        <location filename="../../ui/dashboard.py" line="400"/>
        <source>Late orders</source>
        <translation>逾期订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="173"/>
        <source>Shipped on time</source>
        <translation>准时发货率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="174"/>
        <source>Sales this month</source>
        <translation>本月销售额</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="190"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="191"/>
        <location filename="../../ui/dashboard.py" line="194"/>
        <source>Stays (%1 d)</source>
        <translation>%1天次数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="192"/>
        <location filename="../../ui/dashboard.py" line="195"/>
        <source>Average h</source>
        <translation>平均(时)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="193"/>
        <location filename="../../ui/dashboard.py" line="196"/>
        <source>90% h</source>
        <translation>90%(时)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="200"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="200"/>
        <location filename="../../ui/dashboard.py" line="204"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="204"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="209"/>
        <source>Open orders per node</source>
        <translation>各节点未完结订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="210"/>
        <source>Late orders per department</source>
        <translation>各部门逾期订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="211"/>
        <source>Sales and purchases per month</source>
        <translation>月度销售与采购金额</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="212"/>
        <source>Where orders wait: hours spent at each node</source>
        <translation>订单卡在哪里：各节点停留小时数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="213"/>
        <source>Top customers</source>
        <translation>前十客户</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="214"/>
        <source>Top products</source>
        <translation>前十产品</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="273"/>
        <source>updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="294"/>
        <source>Top customers (last %1 days)</source>
        <translation>前十客户（近 %1 天）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="295"/>
        <source>Top products (last %1 days)</source>
        <translation>前十产品（近 %1 天）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="337"/>
        <location filename="../../ui/dashboard.py" line="411"/>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="338"/>
        <source>Purchases</source>
        <translation>采购额</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="351"/>
        <source>Month, %1 to %2</source>
        <translation>月份（%1 至 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="361"/>
        <source>10,000 CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="404"/>
        <source>Not shipped by the due day (last %1 days)</source>
        <translation>未按交期发完（近 %1 天）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="421"/>
        <source>Left %1 in the last %2 days</source>
        <translation>近 %2 天离开“%1”的订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="429"/>
        <source>Export PDF report</source>
        <translation>导出 PDF 报告</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="439"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="468"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>DrillBar</name>
    <message>
        <location filename="../../ui/dashboard.py" line="484"/>
        <source>Back to the dashboard</source>
        <translation>返回经营看板</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="492"/>
        <source>Orders behind: %1</source>
        <translation>数据明细：%1</translation>
    </message>
</context>
<context>
    <name>ExceptionQueue</name>
    <message>
        <location filename="../../ui/exception_queue.py" line="33"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="34"/>
        <source>Party</source>
        <translation>客户/供应商</translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="35"/>
        <source>Shipment</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="36"/>
        <source>Trouble</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="37"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="38"/>
        <source>Since</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="61"/>
        <source>Refused or lost shipments to resolve: %1</source>
        <translation>待处理的拒收或丢件：%1 单</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/login.py" line="118"/>
        <source>Welcome to OrderTrail</source>
        <translation>欢迎使用 采销订单跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="120"/>
        <source>Use a database file on this computer (recommended for one to a few desks)</source>
        <translation>使用本机数据库文件（适合一到几台电脑）</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="122"/>
        <source>Connect to a PostgreSQL server (for a larger office)</source>
        <translation>连接 PostgreSQL 服务器（多人办公室）</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="129"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="136"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="146"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="152"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="153"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="154"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="155"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="156"/>
        <location filename="../../ui/login.py" line="170"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="167"/>
        <source>First administrator (only if the database has no users)</source>
        <translation>首个管理员（仅在数据库还没有用户时创建）</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="169"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="171"/>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="212"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="233"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="240"/>
        <source>Connected.</source>
        <translation>连接成功。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="246"/>
        <source>Not reached: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="250"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="252"/>
        <source>Fill in every field.</source>
        <translation>请填写所有字段。</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <location filename="../../ui/documents_dialog.py" line="174"/>
        <source>Nothing was imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents_dialog.py" line="178"/>
        <source>The file has %n problem(s); nothing was imported. Fix them and import the file again.</source>
        <translation>
            <numerusform>文件有 %n 处问题，未导入任何数据。请改正后重新导入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="189"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="189"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="189"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="189"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="208"/>
        <source>Save as Excel…</source>
        <translation>另存为 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="220"/>
        <source>Save the problems</source>
        <translation>保存问题清单</translation>
    </message>
</context>
<context>
    <name>InsertNodeDialog</name>
    <message>
        <location filename="../../ui/workflow_editor.py" line="193"/>
        <source>Insert a node</source>
        <translation>插入节点</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="197"/>
        <source>e.g. inspected (letters, digits, _)</source>
        <translation>例如 inspected（小写字母、数字、下划线）</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="203"/>
        <source>the button, e.g. 质检通过</source>
        <translation>按钮名称，例如 质检通过</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="204"/>
        <source>the button, e.g. Passed inspection</source>
        <translation>按钮名称，例如 Passed inspection</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="213"/>
        <source>After</source>
        <translation>插在其后</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="214"/>
        <source>Before</source>
        <translation>插在其前</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="216"/>
        <source>Step (Chinese)</source>
        <translation>步骤（中文）</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="217"/>
        <source>Step (English)</source>
        <translation>步骤（英文）</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../../ui/documents_dialog.py" line="107"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="134"/>
        <source>Cancelling… nothing will be changed.</source>
        <translation>正在取消…不会做任何修改。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="62"/>
        <source>Sign in to OrderTrail</source>
        <translation>登录 采销订单跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="67"/>
        <source>Remember my user name</source>
        <translation>记住用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="78"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="79"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="81"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>OrderTrail</source>
        <translation>采销订单跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>%1 (%2) · database %3</source>
        <translation>%1（%2）· 数据库 %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>My work</source>
        <translation>待我处理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>All orders</source>
        <translation>全部订单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>Sales</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>Purchases</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Exceptions</source>
        <translation>异常订单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Orders are created by sales (sales orders) and purchasing (purchase orders).</source>
        <translation>订单由销售（销售订单）和采购（采购订单）创建。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <location filename="../../ui/main_window.py" line="795"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Administration…</source>
        <translation>管理控制台…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Wall display</source>
        <translation>数字大屏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Workflows…</source>
        <translation>流程设置…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Customers and suppliers</source>
        <translation>客户与供应商</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>&amp;Documents</source>
        <translation>单据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>Print delivery notes of waiting orders</source>
        <translation>批量打印待发货订单的发货单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>Print delivery notes</source>
        <translation>打印发货单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Download an Excel template</source>
        <translation>下载 Excel 模板</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <location filename="../../ui/main_window.py" line="660"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <location filename="../../ui/main_window.py" line="686"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>Orders (the list as filtered)</source>
        <translation>订单（按当前列表筛选）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>F&amp;inance</source>
        <translation>财务(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Receivables and payables (ageing)</source>
        <translation>应收应付（账龄）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Month-end reconciliation</source>
        <translation>月末对账</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>About OrderTrail</source>
        <translation>关于 OrderTrail</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>%1 arrives in a later version.</source>
        <translation>“%1”将在后续版本提供。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="456"/>
        <source>Orders updated at %1</source>
        <translation>订单已于 %1 更新</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="508"/>
        <location filename="../../ui/main_window.py" line="656"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="596"/>
        <source>Over the credit limit</source>
        <translation>超出信用额度</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>Approve all the same?</source>
        <translation>仍然审批通过？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="642"/>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="677"/>
        <source>Exporting %1</source>
        <translation>正在导出：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="681"/>
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 条记录到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="693"/>
        <source>Importing %1</source>
        <translation>正在导入：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="703"/>
        <source>Imported %n record(s)</source>
        <translation>
            <numerusform>已导入 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="710"/>
        <source>Printing delivery notes</source>
        <translation>正在打印发货单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="723"/>
        <source>Delivery notes of waiting orders</source>
        <translation>待发货订单的发货单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="752"/>
        <source>%1: %2 done</source>
        <translation>%1：已%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="795"/>
        <source>The new language is used from the next start.</source>
        <translation>新的语言将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>MoneyView</name>
    <message>
        <location filename="../../ui/money_view.py" line="344"/>
        <source>Receivables and payables</source>
        <translation>应收应付</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="345"/>
        <source>Month-end reconciliation</source>
        <translation>月末对账</translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message>
        <location filename="../../ui/notices.py" line="124"/>
        <source>No notifications</source>
        <translation>没有通知</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="125"/>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="127"/>
        <source>How I am told…</source>
        <translation>通知方式…</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message>
        <location filename="../../ui/notices.py" line="74"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="76"/>
        <source>%1 unread notifications</source>
        <translation>%1 条未读通知</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="79"/>
        <source>OrderTrail</source>
        <translation>采销订单跟踪</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../ui/order_detail.py" line="96"/>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="97"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="98"/>
        <source>Ordered</source>
        <translation>订购</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="99"/>
        <source>Short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="100"/>
        <source>Shipped / received</source>
        <translation>发货/到货</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="101"/>
        <source>Returned</source>
        <translation>已退</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="104"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="108"/>
        <source>Shipment</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="109"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="110"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="111"/>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="112"/>
        <source>Shipped</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="113"/>
        <source>Signed</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="118"/>
        <source>Receipt</source>
        <translation>收货单</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="118"/>
        <source>Received</source>
        <translation>收货时间</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="118"/>
        <location filename="../../ui/order_detail.py" line="130"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="118"/>
        <source>Goods</source>
        <translation>货物</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="122"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="122"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="122"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="122"/>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="127"/>
        <source>Amendment</source>
        <translation>改单号</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="128"/>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="129"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="131"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="132"/>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="133"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="139"/>
        <source>Print / preview</source>
        <translation>打印/预览</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="151"/>
        <source>What you can do now</source>
        <translation>您现在可以</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="156"/>
        <source>Payments</source>
        <translation>收付款</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="158"/>
        <source>Goods receipts</source>
        <translation>收货记录</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="159"/>
        <source>Amendments</source>
        <translation>改单记录</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="161"/>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="253"/>
        <source>In exception: a shipment was refused or lost and waits to be resolved.</source>
        <translation>异常：有发货被拒收或丢失，等待处理。</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="291"/>
        <source>resolved: %1</source>
        <translation>已处理：%1</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="356"/>
        <source>Made from %1</source>
        <translation>原订单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="358"/>
        <source>Linked orders: %1</source>
        <translation>关联订单：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/order_detail.py" line="361"/>
        <source>Revision %1 (%n amendment(s))</source>
        <translation>
            <numerusform>第 %1 版（%n 次改单）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="369"/>
        <source> (rejected, undone)</source>
        <translation>（已驳回，已撤销）</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="370"/>
        <source> (back to approval)</source>
        <translation>（退回重新审批）</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="157"/>
        <source>Shipments</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="186"/>
        <source>No order selected</source>
        <translation>未选择订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="210"/>
        <source>Party: %1</source>
        <translation>客户/供应商：%1</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="211"/>
        <source>Due: %1</source>
        <translation>交期：%1</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="212"/>
        <source>Shipped / received: %1%</source>
        <translation>发货/到货：%1%</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="217"/>
        <source>Total: %1 %2</source>
        <translation>金额：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="224"/>
        <source>At list prices: %1 (discount %2%)</source>
        <translation>按标价计：%1（折扣 %2%）</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="229"/>
        <source>Paid: %1 (%2%)</source>
        <translation>已收付：%1（%2%）</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="234"/>
        <source>Waiting for: %1</source>
        <translation>待处理：%1</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="234"/>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="238"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="243"/>
        <source>Backorder: %1 short</source>
        <translation>缺货订单：还缺 %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="257"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="298"/>
        <source>not yet</source>
        <translation>未签收</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="334"/>
        <source>Nothing for you to do here: the next step belongs to %1.</source>
        <translation>此订单暂无需您处理：下一步由%1负责。</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="339"/>
        <source>This order is finished.</source>
        <translation>此订单已结束。</translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <location filename="../../ui/order_editor.py" line="86"/>
        <source>New sales order</source>
        <translation>新建销售订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="86"/>
        <source>New purchase order</source>
        <translation>新建采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="88"/>
        <source>Edit draft %1</source>
        <translation>编辑草稿 %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="102"/>
        <source>Type to search customers</source>
        <translation>输入以搜索客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="104"/>
        <source>Type to search suppliers</source>
        <translation>输入以搜索供应商</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="106"/>
        <source>Due date</source>
        <translation>交期</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="123"/>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="124"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="125"/>
        <source>Available</source>
        <translation>可用库存</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="126"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="127"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="128"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="139"/>
        <source>Add line</source>
        <translation>添加明细</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="141"/>
        <source>Remove line</source>
        <translation>删除明细</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="161"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="161"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="163"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="229"/>
        <source>Line %1: choose a product from the list</source>
        <translation>第 %1 行：请从列表中选择产品</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="232"/>
        <source>Line %1: the quantity must be more than 0, with at most 3 decimals</source>
        <translation>第 %1 行：数量必须大于 0，最多 3 位小数</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="236"/>
        <source>Line %1: the price must be 0 or more, with at most 2 decimals</source>
        <translation>第 %1 行：单价不能为负，最多 2 位小数</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="261"/>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="264"/>
        <source>Choose the party.</source>
        <translation>请选择客户或供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="266"/>
        <source>Add at least one line.</source>
        <translation>请至少添加一行明细。</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="273"/>
        <source>The due date %1 is already past: is that meant?</source>
        <translation>交期 %1 已经过去，确定吗？</translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="290"/>
        <source>Only %1 available: the rest is a backorder.</source>
        <translation>只有 %1 可用，其余为欠货。</translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <location filename="../../ui/order_list.py" line="425"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="429"/>
        <source>All nodes</source>
        <translation>全部节点</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="435"/>
        <source>Any party</source>
        <translation>全部客户/供应商</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="439"/>
        <source>Created between</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="447"/>
        <source>Overdue only</source>
        <translation>仅看超时</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="449"/>
        <source>Search number, party, tracking no. (Ctrl+F)</source>
        <translation>搜索单号、客户/供应商、运单号（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../ui/order_list.py" line="101"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="102"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="103"/>
        <source>Party</source>
        <translation>客户/供应商</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="104"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="105"/>
        <source>Shipped / received</source>
        <translation>发货/到货</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="106"/>
        <source>Paid</source>
        <translation>收付款</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="107"/>
        <source>Due</source>
        <translation>交期</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="108"/>
        <source>Waiting for</source>
        <translation>待处理人</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="109"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="110"/>
        <source>Time left / late by</source>
        <translation>剩余 / 超时</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="111"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="112"/>
        <source>Short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="268"/>
        <source>Short: still to ship beyond what stock could reserve (backorder)</source>
        <translation>缺货：库存不够预留、仍待发出的数量（缺货订单）</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="281"/>
        <source>Late past twice its limit: the owner has been told</source>
        <translation>超过时限两倍：已通知老板</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="282"/>
        <source>Overdue at this node or past its due date</source>
        <translation>在当前节点超时或已过交期</translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="310"/>
        <source>short %1</source>
        <translation>缺 %1</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="356"/>
        <location filename="../../ui/admin_console.py" line="364"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="357"/>
        <location filename="../../ui/admin_console.py" line="365"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="358"/>
        <location filename="../../ui/admin_console.py" line="366"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="359"/>
        <location filename="../../ui/admin_console.py" line="367"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="360"/>
        <location filename="../../ui/admin_console.py" line="369"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="361"/>
        <location filename="../../ui/admin_console.py" line="371"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="368"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="370"/>
        <source>Tax number</source>
        <translation>税号</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="253"/>
        <source>Payment for %1</source>
        <translation>登记收付款 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="258"/>
        <source>Open balance</source>
        <translation>未结金额</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="259"/>
        <source>Amount (negative for a refund)</source>
        <translation>金额（退款填负数）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="267"/>
        <source>The amount must be a number other than 0.</source>
        <translation>金额必须是不为 0 的数字。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="269"/>
        <source>The amount is more than the open balance.</source>
        <translation>金额超过未结金额。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../ui/print_preview.py" line="88"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="89"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="113"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="127"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="128"/>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="419"/>
        <location filename="../../ui/admin_console.py" line="428"/>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="420"/>
        <location filename="../../ui/admin_console.py" line="429"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="421"/>
        <location filename="../../ui/admin_console.py" line="430"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="422"/>
        <location filename="../../ui/admin_console.py" line="431"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="423"/>
        <location filename="../../ui/admin_console.py" line="432"/>
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="424"/>
        <location filename="../../ui/admin_console.py" line="434"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="425"/>
        <location filename="../../ui/admin_console.py" line="435"/>
        <source>Lead time (days)</source>
        <translation>交货周期（天）</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="433"/>
        <source>Service (no stock)</source>
        <translation>服务项目（无库存）</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="445"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="184"/>
        <source>Receive %1</source>
        <translation>登记收货 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="187"/>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="187"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="187"/>
        <source>Still to come</source>
        <translation>待到货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="187"/>
        <source>Received now</source>
        <translation>本次收货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197"/>
        <source>Each quantity must be a number between 0 and what is still open.</source>
        <translation>每行数量必须在 0 到未完成数量之间。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="198"/>
        <source>Receive at least one item.</source>
        <translation>请至少收货一项。</translation>
    </message>
</context>
<context>
    <name>ReconcileTab</name>
    <message>
        <location filename="../../ui/money_view.py" line="203"/>
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="204"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="205"/>
        <source>Export to PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="206"/>
        <source>Lock this month…</source>
        <translation>锁定本月…</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="215"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="225"/>
        <source>Check</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="225"/>
        <source>Order / product</source>
        <translation>单号/产品</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="225"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="225"/>
        <source>What</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="235"/>
        <source>Reconciling %1…</source>
        <translation>正在核对 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="255"/>
        <source>%1: no discrepancies.</source>
        <translation>%1：没有差异。</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="258"/>
        <source>%1: %2 discrepancies.</source>
        <translation>%1：%2 处差异。</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="290"/>
        <source>Export the reconciliation report</source>
        <translation>导出对账报告</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="310"/>
        <source>Written to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="319"/>
        <source>Lock this month</source>
        <translation>锁定本月</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="321"/>
        <source>Lock %1 for good? Nothing may be dated into it afterwards: no order, shipment, receipt or payment.</source>
        <translation>确定永久锁定 %1？此后不能再有记在这个月的订单、发货、收货或收付款。</translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="331"/>
        <source>%1 is locked.</source>
        <translation>%1 已锁定。</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="79"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="105"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="107"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="193"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="207"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="241"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="202"/>
        <source>Refund for %1</source>
        <translation>退款：%1</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="205"/>
        <source>Still to refund</source>
        <translation>待退款</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="205"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="212"/>
        <source>The refund must be more than 0 and at most what is due.</source>
        <translation>退款金额必须大于 0，且不超过待退金额。</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="128"/>
        <source>Resolve the exception of %1</source>
        <translation>处理异常：%1</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="139"/>
        <source>Reship the goods on a free supplementary order</source>
        <translation>补发：开一张免费补单重新发货</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="140"/>
        <source>Take the goods back on a return and refund them</source>
        <translation>退货退款：开退货单收回货物并退款</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="148"/>
        <source>Comment (optional)</source>
        <translation>说明（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="152"/>
        <source>Refused goods go back into stock when the warehouse receives the return; lost goods are written off.</source>
        <translation>拒收的货物在仓库收到退货后回到库存；丢失的货物予以核销。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="33"/>
        <source>Exchange for %1</source>
        <translation>换货：%1</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="33"/>
        <source>Return from %1</source>
        <translation>退货：%1</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="37"/>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="37"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="37"/>
        <source>May come back</source>
        <translation>可退数量</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="37"/>
        <source>Comes back</source>
        <translation>本次退回</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="42"/>
        <source>Reason for this line</source>
        <translation>本行原因</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="47"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="52"/>
        <source>The same goods go out again on a free replacement order, which sales submit like any order.</source>
        <translation>同样的货物通过一张免费的换货补单重新发出，由销售像普通订单一样提交。</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="65"/>
        <source>Each quantity must be a number between 0 and what may come back.</source>
        <translation>每个数量必须在 0 到可退数量之间。</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="67"/>
        <source>Take back at least one item.</source>
        <translation>至少退回一件货物。</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="71"/>
        <source>Please write why the goods come back.</source>
        <translation>请填写退货原因。</translation>
    </message>
</context>
<context>
    <name>ReturnReceiveDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="171"/>
        <source>Goods back for %1</source>
        <translation>退货入库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="177"/>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="177"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="177"/>
        <source>Still to come</source>
        <translation>待收</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="178"/>
        <source>In good order</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="179"/>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="183"/>
        <source>Damaged goods are kept apart, never available:</source>
        <translation>损坏的货物单独记账，不计入可用库存：</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="193"/>
        <source>Each quantity must be a number between 0 and what is still open.</source>
        <translation>每行数量必须在 0 到未完成数量之间。</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="194"/>
        <source>Receive at least one item.</source>
        <translation>请至少收货一项。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="492"/>
        <source>Warehouse staff see prices</source>
        <translation>仓库人员可以看到价格</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="494"/>
        <source>Four-eyes approval: whoever submits an order may not approve it</source>
        <translation>四眼原则：提交订单的人不能审批同一订单</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="500"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="510"/>
        <source>Approval needed above</source>
        <translation>超过此金额需审批</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="511"/>
        <source>Approval needed for a discount above (%)</source>
        <translation>折扣超过此百分比需审批</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="514"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="515"/>
        <source>Company address</source>
        <translation>公司地址</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="516"/>
        <source>Company phone</source>
        <translation>公司电话</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="517"/>
        <source>Logo on printed documents</source>
        <translation>单据上的标志图片</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="518"/>
        <source>Language of this desktop</source>
        <translation>本机界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="522"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="559"/>
        <source>Logo</source>
        <translation>标志图片</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="559"/>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="575"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="575"/>
        <source>Nothing to save: no setting changed.</source>
        <translation>没有修改任何设置。</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="141"/>
        <source>Ship %1</source>
        <translation>登记发货 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="146"/>
        <location filename="../../ui/dialogs.py" line="153"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="148"/>
        <source>Tracking number from the waybill</source>
        <translation>面单上的运单号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Still to ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Ship now</source>
        <translation>本次发货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="154"/>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="164"/>
        <source>Choose or type the carrier.</source>
        <translation>请选择或填写承运商。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="166"/>
        <source>Type the tracking number.</source>
        <translation>请填写运单号。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="169"/>
        <source>Each quantity must be a number between 0 and what is still open.</source>
        <translation>每行数量必须在 0 到未完成数量之间。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="171"/>
        <source>Ship at least one item.</source>
        <translation>请至少发出一项。</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <source>Signed for: %1</source>
        <translation>登记签收：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="216"/>
        <source>Shipment</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="220"/>
        <source>Every shipment is signed for.</source>
        <translation>所有发货均已签收。</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="281"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="281"/>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="282"/>
        <source>Comment (optional)</source>
        <translation>说明（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="288"/>
        <source>Please write why.</source>
        <translation>请填写原因。</translation>
    </message>
</context>
<context>
    <name>StockView</name>
    <message>
        <location filename="../../ui/stock_view.py" line="62"/>
        <location filename="../../ui/stock_view.py" line="94"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="63"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="64"/>
        <location filename="../../ui/stock_view.py" line="88"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="65"/>
        <location filename="../../ui/stock_view.py" line="89"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="66"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="67"/>
        <source>Short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="68"/>
        <source>On order</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="69"/>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="70"/>
        <location filename="../../ui/stock_view.py" line="94"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="82"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="83"/>
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="84"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="85"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="86"/>
        <source>On hand ±</source>
        <translation>在库变动</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="87"/>
        <source>Reserved ±</source>
        <translation>预留变动</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="94"/>
        <source>Buy</source>
        <translation>建议采购</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="94"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="98"/>
        <source>Create draft purchase orders</source>
        <translation>生成采购草稿单</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="113"/>
        <source>Reorder suggestions</source>
        <translation>补货建议</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="194"/>
        <source>No stocked products</source>
        <translation>没有库存产品</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="211"/>
        <source>Ledger of %1 %2</source>
        <translation>%1 %2 的库存流水</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="215"/>
        <source>Orders short of it: %1</source>
        <translation>缺货订单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="252"/>
        <source>Draft purchase orders</source>
        <translation>采购草稿单</translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="253"/>
        <source>Created %1 for the purchasing staff to check and submit.</source>
        <translation>已生成 %1，请采购核对后提交。</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../ui/amend_dialog.py" line="218"/>
        <source>Supplementary order for %1</source>
        <translation>为 %1 开补单</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="229"/>
        <source>A new order linked to %1 for %2: missing items, an extra delivery or a reshipment. It is submitted at once and runs its own workflow.</source>
        <translation>一张关联 %1 的新订单，客户为 %2：用于漏发、追加发货或重新发货。补单保存后立即提交，按自己的流程流转。</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="240"/>
        <source>Add at least one line.</source>
        <translation>请至少添加一行明细。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ui/timeline.py" line="22"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="22"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="22"/>
        <source>From → to</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="22"/>
        <source>Comment and details</source>
        <translation>说明与详情</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="42"/>
        <source>Taken automatically when its condition held</source>
        <translation>条件满足后自动完成</translation>
    </message>
</context>
<context>
    <name>TrackingResults</name>
    <message>
        <location filename="../../ui/tracking_actions.py" line="34"/>
        <source>Carrier statuses</source>
        <translation>快递状态</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="36"/>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="37"/>
        <source>Already signed: nothing done</source>
        <translation>此前已签收，未重复处理</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="38"/>
        <source>Refused: the order is in exception, to resolve</source>
        <translation>拒收：已登记异常，请处理</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="39"/>
        <source>Lost: the order is in exception, to resolve</source>
        <translation>丢件：已登记异常，请处理</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="40"/>
        <source>Already refused or lost: nothing done</source>
        <translation>此前已登记拒收或丢件，未重复</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="41"/>
        <source>On its way: nothing changed</source>
        <translation>运输中，未改变</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="42"/>
        <source>No shipment has this tracking number</source>
        <translation>没有此运单号的发货单</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="43"/>
        <source>Several shipments share this number: not applied</source>
        <translation>多张发货单用同一运单号，未处理</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="44"/>
        <source>The order&apos;s node takes no signature</source>
        <translation>订单当前节点不能签收</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="49"/>
        <source>%1 shipment(s) signed for; %2 status(es) need a person to look.</source>
        <translation>已签收 %1 张发货单；%2 条需要人工查看。</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="56"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="57"/>
        <source>Carrier status</source>
        <translation>快递状态</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="58"/>
        <source>Shipment</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="59"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="60"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>TroubleDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="100"/>
        <source>Lost shipment: %1</source>
        <translation>登记丢件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="100"/>
        <source>Refused shipment: %1</source>
        <translation>登记拒收：%1</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="109"/>
        <source>Shipment</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="110"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="116"/>
        <source>No shipment is on its way.</source>
        <translation>没有在途的发货单。</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="117"/>
        <source>Please write why.</source>
        <translation>请填写原因。</translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <location filename="../../ui/app.py" line="87"/>
        <source>Upgrading the database</source>
        <translation>正在升级数据库</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="90"/>
        <source>Backing up the database and upgrading it from schema version %1 to %2. Please wait…</source>
        <translation>正在备份数据库，并把它从结构版本 %1 升级到 %2，请稍候…</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="261"/>
        <location filename="../../ui/admin_console.py" line="267"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="262"/>
        <location filename="../../ui/admin_console.py" line="268"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="263"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="264"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="269"/>
        <source>Password (new users, or a reset)</source>
        <translation>密码（新用户或重设）</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="280"/>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="282"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="297"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="299"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="315"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="317"/>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="319"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>WorkflowDiagram</name>
    <message>
        <location filename="../../ui/workflow_editor.py" line="114"/>
        <source>end</source>
        <translation>终点</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="118"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="118"/>
        <source>no limit</source>
        <translation>不限时</translation>
    </message>
</context>
<context>
    <name>WorkflowEditor</name>
    <message>
        <location filename="../../ui/workflow_editor.py" line="266"/>
        <source>no limit</source>
        <translation>不限时</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="267"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="278"/>
        <location filename="../../ui/workflow_editor.py" line="418"/>
        <source>Workflows</source>
        <translation>流程设置</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="297"/>
        <source>(none: terminal)</source>
        <translation>（无：终点）</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="303"/>
        <source>Insert a node after this one…</source>
        <translation>在此节点后插入节点…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="305"/>
        <source>Remove this node</source>
        <translation>删除此节点</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="253"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="254"/>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="255"/>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="256"/>
        <source>Owner</source>
        <translation>负责角色</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="257"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="328"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="329"/>
        <source>May record</source>
        <translation>可登记</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="330"/>
        <source>May print</source>
        <translation>可打印</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="331"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="343"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="345"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="351"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="351"/>
        <source>Stored</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="351"/>
        <source>Nodes</source>
        <translation>节点数</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="351"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="359"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="370"/>
        <source>Save as a new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="375"/>
        <source>Workflow</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="378"/>
        <source>Click a node to edit it. Dashed arrows are automatic steps.</source>
        <translation>点击节点进行编辑。虚线箭头为自动步骤。</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="418"/>
        <source>Discard the changes not saved yet?</source>
        <translation>放弃尚未保存的修改？</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="438"/>
        <source>The start, the fulfilled node and the cancelled node stay.</source>
        <translation>起点、履约节点和取消节点不能删除。</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="458"/>
        <source>None: this workflow may be stored.</source>
        <translation>无：此流程可以保存。</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="460"/>
        <source>Changes from the active version v%1</source>
        <translation>与当前版本 v%1 相比的改动</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="470"/>
        <source>v%1 (active)</source>
        <translation>v%1（当前）</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="470"/>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="493"/>
        <source>Colour of the node</source>
        <translation>节点颜色</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="518"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="531"/>
        <source>Stored as version %1: new orders start on it.</source>
        <translation>已保存为第 %1 版：新订单将按此流程进行。</translation>
    </message>
</context>
<context>
    <name>WorkingHoursPage</name>
    <message>
        <location filename="../../ui/working_hours.py" line="44"/>
        <source>Count time limits in working hours only: nights, weekends and holidays stop</source>
        <translation>时限只按工作时间计算：夜间、周末和节假日不计时</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="47"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="48"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="49"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="50"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="51"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="52"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="53"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="55"/>
        <source>Working week</source>
        <translation>每周工作时间</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="69"/>
        <source>For example: %1</source>
        <translation>例如：%1</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="77"/>
        <source>Import China&apos;s holidays 2026–2027</source>
        <translation>导入中国法定节假日（2026–2027）</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="79"/>
        <source>Import a holiday file…</source>
        <translation>导入节假日文件…</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="88"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="89"/>
        <source>Make-up working days (调休)</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="91"/>
        <source>Office time zone (UTC offset)</source>
        <translation>办公地时区（与 UTC 的差）</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="92"/>
        <source>Carrier tracking service (快递100-style query API)</source>
        <translation>快递查询服务（快递100 式查询接口）</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="99"/>
        <source>Query address</source>
        <translation>查询地址</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="100"/>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="101"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="105"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="165"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="165"/>
        <source>Nothing to save: no setting changed.</source>
        <translation>没有需要保存的更改。</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="171"/>
        <source>Import a holiday file</source>
        <translation>导入节假日文件</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="171"/>
        <source>Holiday lists (*.json *.csv)</source>
        <translation>节假日列表 (*.json *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="184"/>
        <source>Imported: %1 holiday(s) and %2 make-up working day(s) added.</source>
        <translation>已导入：新增节假日 %1 天，调休上班日 %2 天。</translation>
    </message>
</context>
<context>
    <name>_LinesDialog</name>
    <message>
        <location filename="../../ui/amend_dialog.py" line="104"/>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="105"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="106"/>
        <source>Shipped / received</source>
        <translation>已发/已收</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="107"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="108"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="117"/>
        <source>Add line</source>
        <translation>添加明细</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="123"/>
        <source>Why (required): what the customer asked for</source>
        <translation>原因（必填）：客户提出了什么要求</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="127"/>
        <source>Product to add:</source>
        <translation>添加产品：</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="128"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="147"/>
        <source>Each quantity must be a number no lower than what already moved, each price a number of at least 0.</source>
        <translation>数量必须是数字且不少于已发货/已入库的数量，单价必须是不小于 0 的数字。</translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="151"/>
        <source>Give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
</context>
<context>
    <name>_MoneyDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="238"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="239"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/app.py" line="132"/>
        <source>An administrator upgrades the database</source>
        <translation>由管理员升级数据库</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/dialogs.py" line="37"/>
        <source>Changed by someone else</source>
        <translation>订单已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="40"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48"/>
        <source>Not done</source>
        <translation>未完成操作</translation>
    </message>
</context>
<context>
    <name>start</name>
    <message>
        <location filename="../../ui/app.py" line="179"/>
        <location filename="../../ui/app.py" line="209"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
</TS>
