<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <location filename="../../login.py" line="43"/>
        <source>Create the first administrator</source>
        <translation>Create the first administrator</translation>
    </message>
    <message>
        <location filename="../../login.py" line="43"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../login.py" line="48"/>
        <source>This station has no accounts yet. Create the administrator&apos;s account; the administrator then creates the operators&apos; and supervisors&apos; accounts with the command station user add.</source>
        <translation>This station has no accounts yet. Create the administrator&apos;s account; the administrator then creates the operators&apos; and supervisors&apos; accounts with the command station user add.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="55"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../login.py" line="56"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../login.py" line="61"/>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../login.py" line="81"/>
        <source>The two passwords differ; type them again.</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="110"/>
        <source>Checking the password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../window.py" line="76"/>
        <source>Scanning station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="132"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="133"/>
        <source>Scan more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="134"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="136"/>
        <location filename="../../window.py" line="348"/>
        <source>Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="137"/>
        <source>Import folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="139"/>
        <source>Turn left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="140"/>
        <source>Turn right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="141"/>
        <source>Mark blank / keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="142"/>
        <source>Remove page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="143"/>
        <source>Restore removed page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="145"/>
        <source>Rescan this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="146"/>
        <source>Insert pages from files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="147"/>
        <source>Split document here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="148"/>
        <source>Merge with next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="149"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="150"/>
        <source>Move page left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="152"/>
        <source>Move page right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="154"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="156"/>
        <source>Next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="158"/>
        <source>Previous document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="160"/>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="162"/>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="164"/>
        <source>Fit page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="165"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="166"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="167"/>
        <source>Show original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="169"/>
        <source>Show OCR words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="171"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="172"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="175"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="178"/>
        <source>&amp;Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="181"/>
        <source>&amp;Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="185"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="191"/>
        <source>Scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="196"/>
        <source>Scanner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="203"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="215"/>
        <location filename="../../window.py" line="368"/>
        <location filename="../../window.py" line="883"/>
        <source>Scanner ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="218"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="249"/>
        <source>All batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="313"/>
        <location filename="../../window.py" line="808"/>
        <source>Confirm and go to the next (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="327"/>
        <source>Welcome to the scanning station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="331"/>
        <source>&lt;ol&gt;&lt;li&gt;Choose a scanner and a profile above. Until a scanner is set up, the &lt;b&gt;demo scanner&lt;/b&gt; feeds sample pages so you can try everything.&lt;/li&gt;&lt;li&gt;Put the paper in and press &lt;b&gt;Scan&lt;/b&gt; (F5), or drop image and PDF files on this window.&lt;/li&gt;&lt;li&gt;Pages appear as they arrive; cleanup and text recognition run in the background.&lt;/li&gt;&lt;li&gt;Check the pages, correct the fields on the right (suggestions are coloured by confidence) and press &lt;b&gt;Ctrl+Enter&lt;/b&gt; to confirm and go to the next document.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="344"/>
        <source>Try the demo scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="358"/>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="360"/>
        <location filename="../../window.py" line="484"/>
        <source>Pipeline: idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="363"/>
        <source>Archive: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="364"/>
        <source>Packages waiting: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workers.py" line="430"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="381"/>
        <source>Scanner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="476"/>
        <source>%1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="481"/>
        <source>Waiting: %1 for cleanup, %2 for OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="559"/>
        <source>Sent back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="561"/>
        <source>Processing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="563"/>
        <source>The pages are being cleaned and read; the fields fill in when they are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="611"/>
        <source>No page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="620"/>
        <source>blank page, kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="620"/>
        <source>blank page, left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="622"/>
        <source>original — cleanup pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="714"/>
        <source>The bin of this document is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="734"/>
        <source>There is no next document to merge with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="745"/>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="757"/>
        <source>Insert pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="758"/>
        <location filename="../../window.py" line="902"/>
        <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="779"/>
        <source>Not confirmed: correct the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="786"/>
        <source>Confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="807"/>
        <source>Confirming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="819"/>
        <source>(not answering)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="835"/>
        <source>Scanning page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="845"/>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="866"/>
        <source>%1 page(s) received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="872"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="901"/>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="907"/>
        <source>Import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="916"/>
        <source>Imported %1 document(s); %2 file(s) refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="921"/>
        <source>Importing…</source>
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
    <name>SettingsDialog</name>
    <message>
        <location filename="../../settings.py" line="43"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="48"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="49"/>
        <source>Scanners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="50"/>
        <source>Scan profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="54"/>
        <source>All settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="61"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="62"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="68"/>
        <location filename="../../settings.py" line="162"/>
        <source>Locked by the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="80"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="83"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="51"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="53"/>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="84"/>
        <source>A new language applies at once, in every open window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="92"/>
        <source>Network scanners added by address (for networks where they are not found by themselves):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="101"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="103"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="145"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="145"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="145"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="145"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="146"/>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="146"/>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="171"/>
        <source>Archive address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="171"/>
        <source>not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="172"/>
        <source>Archive token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="172"/>
        <source>not configured (kept in the system keyring once set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="178"/>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="178"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="178"/>
        <source>Set by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="186"/>
        <source>administrator (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="214"/>
        <source>%1: not a valid value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../settings.py" line="263"/>
        <source>Certificate file (PKCS#12: .p12, .pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="265"/>
        <source>USB token or smart card (PKCS#11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="272"/>
        <location filename="../../settings.py" line="348"/>
        <source>Certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="276"/>
        <location filename="../../settings.py" line="294"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="281"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="285"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="286"/>
        <source>The passphrase is kept in the system keyring, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="289"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="299"/>
        <location filename="../../settings.py" line="354"/>
        <source>Driver library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="302"/>
        <source>Token label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="305"/>
        <source>Key label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="309"/>
        <source>PIN (to read the certificate now; not kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="312"/>
        <source>Use this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="337"/>
        <source>Locked by the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="349"/>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="354"/>
        <source>Libraries (*.so *.dll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="368"/>
        <source>No signing certificate is set up: documents cannot be sealed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="370"/>
        <source>certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="370"/>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="371"/>
        <source>test identity (not for real documents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="372"/>
        <source>In use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="374"/>
        <source>Holder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="375"/>
        <source>Valid until %1 (%2 days left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="378"/>
        <source>The certificate is read from the token when a document is sealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="409"/>
        <source>Opening the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="420"/>
        <source>Saved: documents are sealed with this certificate from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../window.py" line="958"/>
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
</context>
</TS>
