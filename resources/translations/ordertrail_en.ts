<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="29"/>
        <source>About OrderTrail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="32"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="40"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="41"/>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="43"/>
        <source>Runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="54"/>
        <source>Licences of the font and the libraries it ships:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminConsole</name>
    <message>
        <location filename="../../ui/admin_console.py" line="587"/>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="592"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="593"/>
        <source>Customers and suppliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="594"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="595"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="596"/>
        <source>Notification channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="597"/>
        <source>Working hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgeingTab</name>
    <message>
        <location filename="../../ui/money_view.py" line="76"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="83"/>
        <source>Customer / supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="83"/>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="83"/>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="85"/>
        <source>Total open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="85"/>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="90"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="91"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="92"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="93"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="94"/>
        <source>Payment due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="95"/>
        <source>Days past due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="99"/>
        <source>Open orders of the selected party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="115"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="131"/>
        <source>Receivable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="131"/>
        <source>Payable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="134"/>
        <source>As at %1 · receivable %2 · payable %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="158"/>
        <source>Open receivable over the credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="168"/>
        <source>Open orders of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="187"/>
        <source>not yet due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../ui/amend_dialog.py" line="163"/>
        <source>Amend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="184"/>
        <source>An approved order is not edited in place: this records an amendment (revision %1). Set 0 to remove a line. A total grown past the approval amount goes back to approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="198"/>
        <source>Nothing changes yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../ui/board.py" line="63"/>
        <source>OrderTrail wall display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="69"/>
        <source>Orders today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="78"/>
        <source>To ship today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="79"/>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="83"/>
        <source>Orders at each node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="161"/>
        <source>Cannot read the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="168"/>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="183"/>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="185"/>
        <source>no due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="188"/>
        <source>%1 h at node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="199"/>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarrierTracking</name>
    <message>
        <location filename="../../ui/tracking_actions.py" line="92"/>
        <source>Import carrier statuses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="94"/>
        <source>Ask the tracking service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="102"/>
        <source>Import carrier statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="104"/>
        <source>Carrier exports (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <location filename="../../ui/notices.py" line="165"/>
        <source>How I am told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="171"/>
        <source>My e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelSettingsPage</name>
    <message>
        <location filename="../../ui/notices.py" line="245"/>
        <source>SMTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="246"/>
        <source>SMTP port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="247"/>
        <source>SMTP security (starttls, tls, none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="248"/>
        <source>SMTP user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="249"/>
        <source>SMTP password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="250"/>
        <source>Sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="251"/>
        <source>WeCom group robot address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="252"/>
        <source>DingTalk group robot address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="253"/>
        <source>DingTalk signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="254"/>
        <source>Webhook address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="255"/>
        <source>Webhook signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="256"/>
        <source>Language of the messages (zh, en)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="267"/>
        <source>Send a test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="269"/>
        <source>Save channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="295"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="300"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="305"/>
        <source>Test message sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="45"/>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="49"/>
        <source>Something went wrong inside OrderTrail: %1

What you were doing was not saved; the data in the database is untouched. The details are in the log file:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="62"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="74"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard.py" line="137"/>
        <source>The dashboard is for the owner and the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="144"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="148"/>
        <source>Last %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="152"/>
        <source>Export PDF report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="154"/>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="171"/>
        <location filename="../../ui/dashboard.py" line="398"/>
        <source>Open orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="172"/>
        <location filename="../../ui/dashboard.py" line="400"/>
        <source>Late orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="173"/>
        <source>Shipped on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="174"/>
        <source>Sales this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="190"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="191"/>
        <location filename="../../ui/dashboard.py" line="194"/>
        <source>Stays (%1 d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="192"/>
        <location filename="../../ui/dashboard.py" line="195"/>
        <source>Average h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="193"/>
        <location filename="../../ui/dashboard.py" line="196"/>
        <source>90% h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="200"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="200"/>
        <location filename="../../ui/dashboard.py" line="204"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="204"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="209"/>
        <source>Open orders per node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="210"/>
        <source>Late orders per department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="211"/>
        <source>Sales and purchases per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="212"/>
        <source>Where orders wait: hours spent at each node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="213"/>
        <source>Top customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="214"/>
        <source>Top products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="273"/>
        <source>updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="294"/>
        <source>Top customers (last %1 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="295"/>
        <source>Top products (last %1 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="337"/>
        <location filename="../../ui/dashboard.py" line="411"/>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="338"/>
        <source>Purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="351"/>
        <source>Month, %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="361"/>
        <source>10,000 CNY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="404"/>
        <source>Not shipped by the due day (last %1 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="421"/>
        <source>Left %1 in the last %2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="429"/>
        <source>Export PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="439"/>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="468"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillBar</name>
    <message>
        <location filename="../../ui/dashboard.py" line="484"/>
        <source>Back to the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="492"/>
        <source>Orders behind: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionQueue</name>
    <message>
        <location filename="../../ui/exception_queue.py" line="33"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="34"/>
        <source>Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="35"/>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="36"/>
        <source>Trouble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="37"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="38"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exception_queue.py" line="61"/>
        <source>Refused or lost shipments to resolve: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/login.py" line="118"/>
        <source>Welcome to OrderTrail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="120"/>
        <source>Use a database file on this computer (recommended for one to a few desks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="122"/>
        <source>Connect to a PostgreSQL server (for a larger office)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="129"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="136"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="146"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="152"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="153"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="154"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="155"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="156"/>
        <location filename="../../ui/login.py" line="170"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="167"/>
        <source>First administrator (only if the database has no users)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="169"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="171"/>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="212"/>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="233"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="240"/>
        <source>Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="246"/>
        <source>Not reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="250"/>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="252"/>
        <source>Fill in every field.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <location filename="../../ui/documents_dialog.py" line="174"/>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents_dialog.py" line="178"/>
        <source>The file has %n problem(s); nothing was imported. Fix them and import the file again.</source>
        <translation>
            <numerusform>The file has %n problem; nothing was imported. Fix it and import the file again.</numerusform>
            <numerusform>The file has %n problems; nothing was imported. Fix them and import the file again.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="189"/>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="189"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="189"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="189"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="208"/>
        <source>Save as Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="220"/>
        <source>Save the problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsertNodeDialog</name>
    <message>
        <location filename="../../ui/workflow_editor.py" line="193"/>
        <source>Insert a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="197"/>
        <source>e.g. inspected (letters, digits, _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="203"/>
        <source>the button, e.g. 质检通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="204"/>
        <source>the button, e.g. Passed inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="213"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="214"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="216"/>
        <source>Step (Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="217"/>
        <source>Step (English)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../../ui/documents_dialog.py" line="107"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="134"/>
        <source>Cancelling… nothing will be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="62"/>
        <source>Sign in to OrderTrail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="67"/>
        <source>Remember my user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="78"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="79"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="81"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>OrderTrail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>%1 (%2) · database %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>My work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>All orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>Purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Finance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Orders are created by sales (sales orders) and purchasing (purchase orders).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <location filename="../../ui/main_window.py" line="795"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Administration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Wall display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Workflows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Customers and suppliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>&amp;Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>Print delivery notes of waiting orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>Print delivery notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Download an Excel template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <location filename="../../ui/main_window.py" line="660"/>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <location filename="../../ui/main_window.py" line="686"/>
        <source>Import from Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>Orders (the list as filtered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>F&amp;inance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Receivables and payables (ageing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Month-end reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>About OrderTrail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>%1 arrives in a later version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="456"/>
        <source>Orders updated at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="508"/>
        <location filename="../../ui/main_window.py" line="656"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="596"/>
        <source>Over the credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>Approve all the same?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="642"/>
        <source>Save the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="677"/>
        <source>Exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="681"/>
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>Exported %n record to %1</numerusform>
            <numerusform>Exported %n records to %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="693"/>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="703"/>
        <source>Imported %n record(s)</source>
        <translation>
            <numerusform>Imported %n record</numerusform>
            <numerusform>Imported %n records</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="710"/>
        <source>Printing delivery notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="723"/>
        <source>Delivery notes of waiting orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="752"/>
        <source>%1: %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="795"/>
        <source>The new language is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyView</name>
    <message>
        <location filename="../../ui/money_view.py" line="344"/>
        <source>Receivables and payables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="345"/>
        <source>Month-end reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message>
        <location filename="../../ui/notices.py" line="124"/>
        <source>No notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="125"/>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="127"/>
        <source>How I am told…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message>
        <location filename="../../ui/notices.py" line="74"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="76"/>
        <source>%1 unread notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="79"/>
        <source>OrderTrail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../ui/order_detail.py" line="96"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="97"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="98"/>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="99"/>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="100"/>
        <source>Shipped / received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="101"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="104"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="108"/>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="109"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="110"/>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="111"/>
        <source>Tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="112"/>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="113"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="118"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="118"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="118"/>
        <location filename="../../ui/order_detail.py" line="130"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="118"/>
        <source>Goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="122"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="122"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="122"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="122"/>
        <source>Paid at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="127"/>
        <source>Amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="128"/>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="129"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="131"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="132"/>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="133"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="139"/>
        <source>Print / preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="151"/>
        <source>What you can do now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="156"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="158"/>
        <source>Goods receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="159"/>
        <source>Amendments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="161"/>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="253"/>
        <source>In exception: a shipment was refused or lost and waits to be resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="291"/>
        <source>resolved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="356"/>
        <source>Made from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="358"/>
        <source>Linked orders: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/order_detail.py" line="361"/>
        <source>Revision %1 (%n amendment(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="369"/>
        <source> (rejected, undone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="370"/>
        <source> (back to approval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="157"/>
        <source>Shipments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="186"/>
        <source>No order selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="210"/>
        <source>Party: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="211"/>
        <source>Due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="212"/>
        <source>Shipped / received: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="217"/>
        <source>Total: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="224"/>
        <source>At list prices: %1 (discount %2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="229"/>
        <source>Paid: %1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="234"/>
        <source>Waiting for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="234"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="238"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="243"/>
        <source>Backorder: %1 short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="257"/>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="298"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="334"/>
        <source>Nothing for you to do here: the next step belongs to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.py" line="339"/>
        <source>This order is finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <location filename="../../ui/order_editor.py" line="86"/>
        <source>New sales order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="86"/>
        <source>New purchase order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="88"/>
        <source>Edit draft %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="102"/>
        <source>Type to search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="104"/>
        <source>Type to search suppliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="106"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="123"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="124"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="125"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="126"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="127"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="128"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="139"/>
        <source>Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="141"/>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="161"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="161"/>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="163"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="229"/>
        <source>Line %1: choose a product from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="232"/>
        <source>Line %1: the quantity must be more than 0, with at most 3 decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="236"/>
        <source>Line %1: the price must be 0 or more, with at most 2 decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="261"/>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="264"/>
        <source>Choose the party.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="266"/>
        <source>Add at least one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="273"/>
        <source>The due date %1 is already past: is that meant?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_editor.py" line="290"/>
        <source>Only %1 available: the rest is a backorder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <location filename="../../ui/order_list.py" line="425"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="429"/>
        <source>All nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="435"/>
        <source>Any party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="439"/>
        <source>Created between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="447"/>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="449"/>
        <source>Search number, party, tracking no. (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../ui/order_list.py" line="101"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="102"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="103"/>
        <source>Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="104"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="105"/>
        <source>Shipped / received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="106"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="107"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="108"/>
        <source>Waiting for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="109"/>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="110"/>
        <source>Time left / late by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="111"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="112"/>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="268"/>
        <source>Short: still to ship beyond what stock could reserve (backorder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="281"/>
        <source>Late past twice its limit: the owner has been told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="282"/>
        <source>Overdue at this node or past its due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/order_list.py" line="310"/>
        <source>short %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="356"/>
        <location filename="../../ui/admin_console.py" line="364"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="357"/>
        <location filename="../../ui/admin_console.py" line="365"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="358"/>
        <location filename="../../ui/admin_console.py" line="366"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="359"/>
        <location filename="../../ui/admin_console.py" line="367"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="360"/>
        <location filename="../../ui/admin_console.py" line="369"/>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="361"/>
        <location filename="../../ui/admin_console.py" line="371"/>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="368"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="370"/>
        <source>Tax number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="253"/>
        <source>Payment for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="258"/>
        <source>Open balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="259"/>
        <source>Amount (negative for a refund)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="267"/>
        <source>The amount must be a number other than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="269"/>
        <source>The amount is more than the open balance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../ui/print_preview.py" line="88"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="89"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="113"/>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="127"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="128"/>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="419"/>
        <location filename="../../ui/admin_console.py" line="428"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="420"/>
        <location filename="../../ui/admin_console.py" line="429"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="421"/>
        <location filename="../../ui/admin_console.py" line="430"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="422"/>
        <location filename="../../ui/admin_console.py" line="431"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="423"/>
        <location filename="../../ui/admin_console.py" line="432"/>
        <source>Minimum stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="424"/>
        <location filename="../../ui/admin_console.py" line="434"/>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="425"/>
        <location filename="../../ui/admin_console.py" line="435"/>
        <source>Lead time (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="433"/>
        <source>Service (no stock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="445"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="184"/>
        <source>Receive %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="187"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="187"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="187"/>
        <source>Still to come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="187"/>
        <source>Received now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197"/>
        <source>Each quantity must be a number between 0 and what is still open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="198"/>
        <source>Receive at least one item.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileTab</name>
    <message>
        <location filename="../../ui/money_view.py" line="203"/>
        <source>Reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="204"/>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="205"/>
        <source>Export to PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="206"/>
        <source>Lock this month…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="215"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="225"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="225"/>
        <source>Order / product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="225"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="225"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="235"/>
        <source>Reconciling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="255"/>
        <source>%1: no discrepancies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="258"/>
        <source>%1: %2 discrepancies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="290"/>
        <source>Export the reconciliation report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="310"/>
        <source>Written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="319"/>
        <source>Lock this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="321"/>
        <source>Lock %1 for good? Nothing may be dated into it afterwards: no order, shipment, receipt or payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/money_view.py" line="331"/>
        <source>%1 is locked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="79"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="105"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="107"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="193"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="207"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="241"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="202"/>
        <source>Refund for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="205"/>
        <source>Still to refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="205"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="212"/>
        <source>The refund must be more than 0 and at most what is due.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="128"/>
        <source>Resolve the exception of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="139"/>
        <source>Reship the goods on a free supplementary order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="140"/>
        <source>Take the goods back on a return and refund them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="148"/>
        <source>Comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="152"/>
        <source>Refused goods go back into stock when the warehouse receives the return; lost goods are written off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="33"/>
        <source>Exchange for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="33"/>
        <source>Return from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="37"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="37"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="37"/>
        <source>May come back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="37"/>
        <source>Comes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="42"/>
        <source>Reason for this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="47"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="52"/>
        <source>The same goods go out again on a free replacement order, which sales submit like any order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="65"/>
        <source>Each quantity must be a number between 0 and what may come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="67"/>
        <source>Take back at least one item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="71"/>
        <source>Please write why the goods come back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnReceiveDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="171"/>
        <source>Goods back for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="177"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="177"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="177"/>
        <source>Still to come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="178"/>
        <source>In good order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="179"/>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="183"/>
        <source>Damaged goods are kept apart, never available:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="193"/>
        <source>Each quantity must be a number between 0 and what is still open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="194"/>
        <source>Receive at least one item.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="492"/>
        <source>Warehouse staff see prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="494"/>
        <source>Four-eyes approval: whoever submits an order may not approve it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="500"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="510"/>
        <source>Approval needed above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="511"/>
        <source>Approval needed for a discount above (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="514"/>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="515"/>
        <source>Company address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="516"/>
        <source>Company phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="517"/>
        <source>Logo on printed documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="518"/>
        <source>Language of this desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="522"/>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="559"/>
        <source>Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="559"/>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="575"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="575"/>
        <source>Nothing to save: no setting changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="141"/>
        <source>Ship %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="146"/>
        <location filename="../../ui/dialogs.py" line="153"/>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="148"/>
        <source>Tracking number from the waybill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Still to ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Ship now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="154"/>
        <source>Tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="164"/>
        <source>Choose or type the carrier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="166"/>
        <source>Type the tracking number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="169"/>
        <source>Each quantity must be a number between 0 and what is still open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="171"/>
        <source>Ship at least one item.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <source>Signed for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="216"/>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="220"/>
        <source>Every shipment is signed for.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="281"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="281"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="282"/>
        <source>Comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="288"/>
        <source>Please write why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockView</name>
    <message>
        <location filename="../../ui/stock_view.py" line="62"/>
        <location filename="../../ui/stock_view.py" line="94"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="63"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="64"/>
        <location filename="../../ui/stock_view.py" line="88"/>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="65"/>
        <location filename="../../ui/stock_view.py" line="89"/>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="66"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="67"/>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="68"/>
        <source>On order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="69"/>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="70"/>
        <location filename="../../ui/stock_view.py" line="94"/>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="82"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="83"/>
        <source>Movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="84"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="85"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="86"/>
        <source>On hand ±</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="87"/>
        <source>Reserved ±</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="94"/>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="94"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="98"/>
        <source>Create draft purchase orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="113"/>
        <source>Reorder suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="194"/>
        <source>No stocked products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="211"/>
        <source>Ledger of %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="215"/>
        <source>Orders short of it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="252"/>
        <source>Draft purchase orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stock_view.py" line="253"/>
        <source>Created %1 for the purchasing staff to check and submit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../ui/amend_dialog.py" line="218"/>
        <source>Supplementary order for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="229"/>
        <source>A new order linked to %1 for %2: missing items, an extra delivery or a reshipment. It is submitted at once and runs its own workflow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="240"/>
        <source>Add at least one line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ui/timeline.py" line="22"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="22"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="22"/>
        <source>From → to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="22"/>
        <source>Comment and details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="42"/>
        <source>Taken automatically when its condition held</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackingResults</name>
    <message>
        <location filename="../../ui/tracking_actions.py" line="34"/>
        <source>Carrier statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="36"/>
        <source>Signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="37"/>
        <source>Already signed: nothing done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="38"/>
        <source>Refused: the order is in exception, to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="39"/>
        <source>Lost: the order is in exception, to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="40"/>
        <source>Already refused or lost: nothing done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="41"/>
        <source>On its way: nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="42"/>
        <source>No shipment has this tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="43"/>
        <source>Several shipments share this number: not applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="44"/>
        <source>The order&apos;s node takes no signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="49"/>
        <source>%1 shipment(s) signed for; %2 status(es) need a person to look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="56"/>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="57"/>
        <source>Carrier status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="58"/>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="59"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracking_actions.py" line="60"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TroubleDialog</name>
    <message>
        <location filename="../../ui/return_dialog.py" line="100"/>
        <source>Lost shipment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="100"/>
        <source>Refused shipment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="109"/>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="110"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="116"/>
        <source>No shipment is on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.py" line="117"/>
        <source>Please write why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <location filename="../../ui/app.py" line="87"/>
        <source>Upgrading the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="90"/>
        <source>Backing up the database and upgrading it from schema version %1 to %2. Please wait…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/admin_console.py" line="261"/>
        <location filename="../../ui/admin_console.py" line="267"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="262"/>
        <location filename="../../ui/admin_console.py" line="268"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="263"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="264"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="269"/>
        <source>Password (new users, or a reset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="280"/>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="282"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="297"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="299"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="315"/>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="317"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin_console.py" line="319"/>
        <source>deactivated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowDiagram</name>
    <message>
        <location filename="../../ui/workflow_editor.py" line="114"/>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="118"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="118"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowEditor</name>
    <message>
        <location filename="../../ui/workflow_editor.py" line="266"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="267"/>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="278"/>
        <location filename="../../ui/workflow_editor.py" line="418"/>
        <source>Workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="297"/>
        <source>(none: terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="303"/>
        <source>Insert a node after this one…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="305"/>
        <source>Remove this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="253"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="254"/>
        <source>Name (Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="255"/>
        <source>Name (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="256"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="257"/>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="328"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="329"/>
        <source>May record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="330"/>
        <source>May print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="331"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="343"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="345"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="351"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="351"/>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="351"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="351"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="359"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="370"/>
        <source>Save as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="375"/>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="378"/>
        <source>Click a node to edit it. Dashed arrows are automatic steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="418"/>
        <source>Discard the changes not saved yet?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="438"/>
        <source>The start, the fulfilled node and the cancelled node stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="458"/>
        <source>None: this workflow may be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="460"/>
        <source>Changes from the active version v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="470"/>
        <source>v%1 (active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="470"/>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="493"/>
        <source>Colour of the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="518"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow_editor.py" line="531"/>
        <source>Stored as version %1: new orders start on it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkingHoursPage</name>
    <message>
        <location filename="../../ui/working_hours.py" line="44"/>
        <source>Count time limits in working hours only: nights, weekends and holidays stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="47"/>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="48"/>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="49"/>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="50"/>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="51"/>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="52"/>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="53"/>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="55"/>
        <source>Working week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="69"/>
        <source>For example: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="77"/>
        <source>Import China&apos;s holidays 2026–2027</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="79"/>
        <source>Import a holiday file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="88"/>
        <source>Holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="89"/>
        <source>Make-up working days (调休)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="91"/>
        <source>Office time zone (UTC offset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="92"/>
        <source>Carrier tracking service (快递100-style query API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="99"/>
        <source>Query address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="100"/>
        <source>Customer code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="101"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="105"/>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="165"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="165"/>
        <source>Nothing to save: no setting changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="171"/>
        <source>Import a holiday file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="171"/>
        <source>Holiday lists (*.json *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/working_hours.py" line="184"/>
        <source>Imported: %1 holiday(s) and %2 make-up working day(s) added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_LinesDialog</name>
    <message>
        <location filename="../../ui/amend_dialog.py" line="104"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="105"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="106"/>
        <source>Shipped / received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="107"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="108"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="117"/>
        <source>Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="123"/>
        <source>Why (required): what the customer asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="127"/>
        <source>Product to add:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="128"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="147"/>
        <source>Each quantity must be a number no lower than what already moved, each price a number of at least 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/amend_dialog.py" line="151"/>
        <source>Give the reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_MoneyDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="238"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="239"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/app.py" line="132"/>
        <source>An administrator upgrades the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/dialogs.py" line="37"/>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="40"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48"/>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>start</name>
    <message>
        <location filename="../../ui/app.py" line="179"/>
        <location filename="../../ui/app.py" line="209"/>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
