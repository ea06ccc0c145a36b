<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../accounts.py" line="92"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="97"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="97"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="97"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="98"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="98"/>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="112"/>
        <source>New account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="115"/>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="118"/>
        <location filename="../../accounts.py" line="168"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="124"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="132"/>
        <source>Only an administrator creates accounts and resets passwords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="152"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="152"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="168"/>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="175"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="201"/>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="208"/>
        <source>Account %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="214"/>
        <source>Reset the password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="221"/>
        <source>The password of %1 was reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="229"/>
        <source>Account %1 enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="229"/>
        <source>Account %1 disabled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchiveLink</name>
    <message>
        <location filename="../../archive.py" line="197"/>
        <location filename="../../archive.py" line="258"/>
        <source>Click to open the archive settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="200"/>
        <location filename="../../archive.py" line="255"/>
        <source>Export packages to a USB folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="203"/>
        <location filename="../../archive.py" line="256"/>
        <source>Import archive receipts from a USB folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="269"/>
        <source>Export packages to a USB folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="279"/>
        <source>%1 package(s) written to %2 for the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="282"/>
        <source>%1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="285"/>
        <source>Writing packages to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="289"/>
        <source>Import archive receipts from a USB folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="301"/>
        <source>Receipts read: %1 accepted, %2 rejected by the archive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../archive.py" line="339"/>
        <source>Archive address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="342"/>
        <source>only when the ministry&apos;s own CA signed the archive&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="343"/>
        <location filename="../../archive.py" line="354"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="348"/>
        <source>CA file (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="349"/>
        <source>Fetch it from the archive and show its fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="351"/>
        <source>From a file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="364"/>
        <location filename="../../archive.py" line="430"/>
        <source>Receipt certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="368"/>
        <source>leave empty to keep the access code already set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="369"/>
        <source>Access code (token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="371"/>
        <source>The access code is kept in the system keyring, never in a file, and is not shown again. Compare the certificate&apos;s fingerprint with the one the archive&apos;s administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="375"/>
        <source>Save and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="378"/>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="400"/>
        <source>Locked by the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="404"/>
        <source>Only an administrator may change the archive settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="417"/>
        <source>Reading the archive settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="425"/>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="425"/>
        <source>Certificates (*.pem *.crt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="431"/>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="438"/>
        <source>No archive is set up: sealed packages wait on this station. An administrator enters the archive&apos;s address and access code below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="441"/>
        <source>Archive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="442"/>
        <source>Station: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="444"/>
        <source>Access code: given by the environment (STATION_ARCHIVE_TOKEN) of an unattended station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="447"/>
        <source>Access code: kept in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="449"/>
        <source>Access code: not set — the station cannot send until an administrator enters it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="451"/>
        <source>CA file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="453"/>
        <source>Receipt certificate fingerprint (SHA-256): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="457"/>
        <source>Issued to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="484"/>
        <source>Contacting the archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="492"/>
        <source>Saved. Compare the fingerprint above with the archive administrator&apos;s; the station sends its packages from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="503"/>
        <source>Sending every waiting package now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../dashboard.py" line="55"/>
        <source>Progress toward 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="63"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="65"/>
        <source>Import inventory (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="68"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="71"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="81"/>
        <source>Digitized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="81"/>
        <location filename="../../dashboard.py" line="107"/>
        <location filename="../../dashboard.py" line="111"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="81"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103"/>
        <source>Documents expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103"/>
        <source>Pages expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="104"/>
        <location filename="../../dashboard.py" line="110"/>
        <source>Documents digitized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="104"/>
        <location filename="../../dashboard.py" line="110"/>
        <source>Pages digitized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="104"/>
        <source>% digitized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105"/>
        <source>Documents approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105"/>
        <source>% approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105"/>
        <source>Documents archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105"/>
        <source>% archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="107"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="107"/>
        <source>Documents confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="107"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="108"/>
        <source>Sent back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="110"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="110"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="113"/>
        <source>Per procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="115"/>
        <source>Per operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="116"/>
        <source>Per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="178"/>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="184"/>
        <source>%1 of %2 documents · %3 of %4 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="189"/>
        <source>No inventory yet: import the list of paper files (Supervision → Import inventory) to see percentages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="192"/>
        <source>Inventory: %1 paper file(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="195"/>
        <source>%1 digitized document(s) are not in the inventory (their file code is not listed); they are not counted in the percentages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="198"/>
        <source>Waiting to go to the archive: %1 document(s), %2 page(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="201"/>
        <source>(no procedure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="205"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="230"/>
        <location filename="../../dashboard.py" line="253"/>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="230"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="231"/>
        <source>Export the progress report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="248"/>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="249"/>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="252"/>
        <source>Import the inventory of paper files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="266"/>
        <source>Inventory imported: %1 paper file(s), %2 new.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentModel</name>
    <message>
        <location filename="../../models.py" line="84"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="84"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="84"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="84"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="98"/>
        <source>(no title yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../login.py" line="58"/>
        <source>Create the first administrator</source>
        <translation>Create the first administrator</translation>
    </message>
    <message>
        <location filename="../../login.py" line="58"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../login.py" line="63"/>
        <source>This station has no accounts yet. Create the administrator&apos;s account; the administrator then creates the operators&apos; and supervisors&apos; accounts with the command station user add.</source>
        <translation>This station has no accounts yet. Create the administrator&apos;s account; the administrator then creates the operators&apos; and supervisors&apos; accounts with the command station user add.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="76"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../login.py" line="77"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../login.py" line="85"/>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../login.py" line="105"/>
        <source>The two passwords differ; type them again.</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="56"/>
        <source>Station locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../login.py" line="68"/>
        <source>The station is locked; nothing was lost. %1 types the password to carry on, or another person logs in with their own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../login.py" line="121"/>
        <source>Checking the password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../window.py" line="83"/>
        <source>Scanning station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="144"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="145"/>
        <source>Scan more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="146"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="148"/>
        <location filename="../../window.py" line="377"/>
        <source>Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="149"/>
        <source>Import folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="151"/>
        <source>Turn left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="152"/>
        <source>Turn right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="153"/>
        <source>Mark blank / keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="154"/>
        <source>Remove page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="155"/>
        <source>Restore removed page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="157"/>
        <source>Rescan this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="158"/>
        <source>Insert pages from files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="159"/>
        <source>Split document here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="160"/>
        <source>Merge with next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="161"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="162"/>
        <source>Move page left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="164"/>
        <source>Move page right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="166"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="168"/>
        <source>Next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="170"/>
        <source>Previous document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="172"/>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="174"/>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="176"/>
        <source>Fit page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="177"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="178"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="179"/>
        <source>Show original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="181"/>
        <source>Show OCR words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="183"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="184"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="187"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="190"/>
        <source>&amp;Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="193"/>
        <source>&amp;Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="197"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="203"/>
        <source>Scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="208"/>
        <source>Scanner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="215"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="227"/>
        <location filename="../../window.py" line="399"/>
        <location filename="../../window.py" line="945"/>
        <source>Scanner ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="230"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="261"/>
        <source>All batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="326"/>
        <location filename="../../window.py" line="870"/>
        <source>Confirm and go to the next (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="356"/>
        <source>Welcome to the scanning station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="360"/>
        <source>&lt;ol&gt;&lt;li&gt;Choose a scanner and a profile above. Until a scanner is set up, the &lt;b&gt;demo scanner&lt;/b&gt; feeds sample pages so you can try everything.&lt;/li&gt;&lt;li&gt;Put the paper in and press &lt;b&gt;Scan&lt;/b&gt; (F5), or drop image and PDF files on this window.&lt;/li&gt;&lt;li&gt;Pages appear as they arrive; cleanup and text recognition run in the background.&lt;/li&gt;&lt;li&gt;Check the pages, correct the fields on the right (suggestions are coloured by confidence) and press &lt;b&gt;Ctrl+Enter&lt;/b&gt; to confirm and go to the next document.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="373"/>
        <source>Try the demo scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="387"/>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="389"/>
        <location filename="../../window.py" line="527"/>
        <source>Pipeline: idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workers.py" line="473"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="412"/>
        <source>Scanner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="519"/>
        <source>%1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="524"/>
        <source>Waiting: %1 for cleanup, %2 for OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="621"/>
        <source>Sent back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="623"/>
        <source>Processing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="625"/>
        <source>The pages are being cleaned and read; the fields fill in when they are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="671"/>
        <source>No page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="680"/>
        <source>blank page, kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="680"/>
        <source>blank page, left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="682"/>
        <source>original — cleanup pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="776"/>
        <source>The bin of this document is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="796"/>
        <source>There is no next document to merge with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="807"/>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="819"/>
        <source>Insert pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="820"/>
        <location filename="../../window.py" line="964"/>
        <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="841"/>
        <source>Not confirmed: correct the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="848"/>
        <source>Confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="881"/>
        <source>(not answering)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="897"/>
        <source>Scanning page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="907"/>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="934"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="963"/>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="969"/>
        <source>Import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="978"/>
        <source>Imported %1 document(s); %2 file(s) refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="983"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="869"/>
        <source>Confirming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="928"/>
        <source>%1 page(s) received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="138"/>
        <source>User: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../form.py" line="25"/>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="26"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="27"/>
        <source>Notation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="28"/>
        <source>Year (legal documents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="29"/>
        <source>Date issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="30"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="31"/>
        <source>Issuing organ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="32"/>
        <source>Parent organ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="33"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="34"/>
        <source>Signer&apos;s position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="35"/>
        <source>Signing authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="36"/>
        <source>Signer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="37"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="38"/>
        <source>Number of pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="39"/>
        <source>File code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="40"/>
        <source>Document number in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="41"/>
        <source>Administrative procedure code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="42"/>
        <source>Procedure dossier code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="43"/>
        <source>Retention period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="44"/>
        <source>Access rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="45"/>
        <source>Reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="46"/>
        <source>Paper file code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="47"/>
        <source>Physical condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="48"/>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="49"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="102"/>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../form.py" line="179"/>
        <source>Suggested from page %1, confidence %2%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageModel</name>
    <message>
        <location filename="../../models.py" line="242"/>
        <source>waiting for cleanup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="244"/>
        <source>waiting for OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="246"/>
        <source>processing failed: rescan this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="248"/>
        <source>blank page, kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="248"/>
        <source>blank page, left out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../accounts.py" line="49"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="55"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="64"/>
        <source>Password</source>
        <translation type="unfinished">Password</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="65"/>
        <source>Password again</source>
        <translation type="unfinished">Password again</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="78"/>
        <source>The two passwords differ; type them again.</source>
        <translation type="unfinished">The two passwords differ; type them again.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../review.py" line="100"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="100"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="100"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="100"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="101"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="119"/>
        <source>(no title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="122"/>
        <source>%1 page(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../review.py" line="180"/>
        <source>All operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="181"/>
        <source>All procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="182"/>
        <source>Any flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="185"/>
        <source>Operator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="185"/>
        <source>Procedure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="186"/>
        <source>Flag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="190"/>
        <source>Sampling mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="192"/>
        <source>Show the documents picked for a full page-by-page check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="195"/>
        <source>Pick documents to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="250"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="250"/>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="250"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="251"/>
        <source>Where from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="260"/>
        <source>Rows in yellow: the operator typed a value other than the suggestion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="269"/>
        <source>Every page checked: passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="272"/>
        <source>Check failed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="279"/>
        <source>Send back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="282"/>
        <source>Approve (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="378"/>
        <source>(no procedure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="385"/>
        <source>%1 of %2 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="406"/>
        <source>Nothing waiting for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="410"/>
        <location filename="../../review.py" line="477"/>
        <source>No page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="414"/>
        <source>Confirmed by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="417"/>
        <source>Procedure: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="419"/>
        <source>Sent back before: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="422"/>
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="422"/>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="422"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="424"/>
        <source>Picked for a page-by-page check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="444"/>
        <source>confidence %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="461"/>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="508"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="578"/>
        <source>This document was picked for a page-by-page check: turn on the sampling mode, tick every page and record the result before approving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="581"/>
        <source>This document failed its page-by-page check: send it back to its operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="590"/>
        <source>You confirmed this document yourself, so you cannot approve it: another supervisor approves it (four-eyes rule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="592"/>
        <source>You confirmed this document yourself, so you cannot send it back: another supervisor decides on it (four-eyes rule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="594"/>
        <source>You confirmed this document yourself, so you cannot check it: another supervisor checks it (four-eyes rule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="603"/>
        <source>Approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="616"/>
        <source>Send back to the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="617"/>
        <source>Say what the operator must correct; %1 sees this note with the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="622"/>
        <source>Sent back to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="633"/>
        <source>%1 document(s) picked for a page-by-page check (share %2 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="646"/>
        <source>Page check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="646"/>
        <source>Say what is wrong; the note goes to the operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="659"/>
        <source>Page check recorded: passed; the document may be approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="660"/>
        <source>Page check recorded: failed; the document went back to %1 with the note.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../settings.py" line="54"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="59"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="60"/>
        <source>Scanners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="61"/>
        <source>Scan profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="66"/>
        <source>All settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="75"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="76"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="82"/>
        <location filename="../../settings.py" line="182"/>
        <source>Locked by the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="94"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="97"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="106"/>
        <source>Network scanners added by address (for networks where they are not found by themselves):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="115"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="117"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="165"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="165"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="165"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="165"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="166"/>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="166"/>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>Set by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="198"/>
        <source>administrator (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="207"/>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="207"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="231"/>
        <source>%1: not a valid value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="63"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="65"/>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="98"/>
        <source>A new language applies at once, in every open window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="204"/>
        <source>Archive tab (administrator)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../settings.py" line="286"/>
        <source>Certificate file (PKCS#12: .p12, .pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="288"/>
        <source>USB token or smart card (PKCS#11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="295"/>
        <location filename="../../settings.py" line="371"/>
        <source>Certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="299"/>
        <location filename="../../settings.py" line="317"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="304"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="308"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="309"/>
        <source>The passphrase is kept in the system keyring, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="312"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="322"/>
        <location filename="../../settings.py" line="377"/>
        <source>Driver library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="325"/>
        <source>Token label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="328"/>
        <source>Key label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="332"/>
        <source>PIN (to read the certificate now; not kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="335"/>
        <source>Use this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="360"/>
        <source>Locked by the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="372"/>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="377"/>
        <source>Libraries (*.so *.dll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="391"/>
        <source>No signing certificate is set up: documents cannot be sealed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="393"/>
        <source>certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="393"/>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="394"/>
        <source>test identity (not for real documents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="395"/>
        <source>In use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="397"/>
        <source>Holder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="398"/>
        <source>Valid until %1 (%2 days left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="401"/>
        <source>The certificate is read from the token when a document is sealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="432"/>
        <source>Opening the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="439"/>
        <source>Saved: documents are sealed with this certificate from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../../supervision.py" line="62"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="64"/>
        <location filename="../../supervision.py" line="78"/>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="66"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="77"/>
        <source>S&amp;upervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="79"/>
        <source>Progress dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="81"/>
        <source>Import inventory (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="83"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="84"/>
        <source>Lock the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="181"/>
        <source>Locked — %1 is away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archive</name>
    <message>
        <location filename="../../archive.py" line="134"/>
        <source>The station has no archive access code — an administrator enters it in Settings → Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="137"/>
        <source>The ministry&apos;s CA file is missing — an administrator chooses it again in Settings → Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="149"/>
        <source>The station&apos;s access code has expired — ask the archive&apos;s administrator for a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="151"/>
        <source>The archive does not accept the station&apos;s access code — ask the archive&apos;s administrator for a new one and enter it in Settings → Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="144"/>
        <source>The archive&apos;s certificate is not trusted — an administrator chooses the ministry&apos;s CA file in Settings → Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="159"/>
        <source>Packages waiting: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="161"/>
        <source>Archive: not set up — Settings → Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="165"/>
        <source>Archive: online (last contact %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="167"/>
        <source>Archive: offline (last contact %1) — retrying by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="170"/>
        <source>Archive: offline — retrying by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="172"/>
        <source>Archive: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="174"/>
        <source>Archive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="177"/>
        <source>Packages waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../archive.py" line="179"/>
        <source>sending %1 (%2 kB)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../window.py" line="1026"/>
        <source>Scanning station</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <location filename="../../texts.py" line="18"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="19"/>
        <source>To check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="20"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="21"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="22"/>
        <source>Sent back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="23"/>
        <source>Sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="24"/>
        <source>In the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="25"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="32"/>
        <source>dark border</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="33"/>
        <source>punch holes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="34"/>
        <source>low contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="35"/>
        <source>low resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="36"/>
        <source>blurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="37"/>
        <source>still skewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="47"/>
        <source>Paper jam — remove the paper, then press Scan more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="49"/>
        <source>The scanner cover is open — close it, then press Scan more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="51"/>
        <source>The feeder is empty — put the paper in, then press Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="53"/>
        <source>The scanner is busy — wait a moment and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="55"/>
        <source>The scanner does not answer — check its cable and power, then press Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="57"/>
        <source>Scanner error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="61"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="62"/>
        <source>Not a date: enter it as dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="63"/>
        <source>The date is in the future: check the date printed on the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="64"/>
        <source>Pick a value from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="65"/>
        <source>Enter digits only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="66"/>
        <source>Too long: shorten it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="67"/>
        <source>Not a plausible year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="69"/>
        <source>Enter the file code as organ id . year . file notation, e.g. 000.00.00.G03.2021.01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="70"/>
        <source>Re-enter this text (the keyboard sent separate accent marks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="59"/>
        <source>changed by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="60"/>
        <source>picked for checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="61"/>
        <source>page check pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="62"/>
        <source>sent back before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="63"/>
        <source>uncertain text recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="64"/>
        <source>blank pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="71"/>
        <source>typed by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="72"/>
        <source>suggestion kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="73"/>
        <source>suggestion left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="74"/>
        <source>from the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="225"/>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="226"/>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="227"/>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="84"/>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="85"/>
        <source>Scanning one page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="86"/>
        <source>Stopped after %1 page(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="87"/>
        <source>%1 page(s) scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="88"/>
        <source>Feeder empty after %1 page(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="89"/>
        <source>Scan stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="90"/>
        <source>The scanner is busy — waiting for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="92"/>
        <source>The scanner lacks that resolution; scanning at %1 dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../texts.py" line="117"/>
        <source>the archive refused package %1: %2. Correct the document, confirm it again and have it approved and sealed again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
