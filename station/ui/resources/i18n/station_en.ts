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
    <name>MainWindow</name>
    <message>
        <location filename="../../window.py" line="72"/>
        <source>Scanning station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="123"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="124"/>
        <source>Scan more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="125"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="127"/>
        <location filename="../../window.py" line="339"/>
        <source>Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="128"/>
        <source>Import folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="130"/>
        <source>Turn left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="131"/>
        <source>Turn right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="132"/>
        <source>Mark blank / keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="133"/>
        <source>Remove page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="134"/>
        <source>Restore removed page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="136"/>
        <source>Rescan this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="137"/>
        <source>Insert pages from files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="138"/>
        <source>Split document here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="139"/>
        <source>Merge with next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="140"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="141"/>
        <source>Move page left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="143"/>
        <source>Move page right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="145"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="147"/>
        <source>Next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="149"/>
        <source>Previous document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="151"/>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="153"/>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="155"/>
        <source>Fit page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="156"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="157"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="158"/>
        <source>Show original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="160"/>
        <source>Show OCR words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="162"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="163"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="166"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="169"/>
        <source>&amp;Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="172"/>
        <source>&amp;Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="176"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="182"/>
        <source>Scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="187"/>
        <source>Scanner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="194"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="206"/>
        <location filename="../../window.py" line="359"/>
        <location filename="../../window.py" line="811"/>
        <source>Scanner ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="209"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="240"/>
        <source>All batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="304"/>
        <source>Confirm and go to the next (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="318"/>
        <source>Welcome to the scanning station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="322"/>
        <source>&lt;ol&gt;&lt;li&gt;Choose a scanner and a profile above. Until a scanner is set up, the &lt;b&gt;demo scanner&lt;/b&gt; feeds sample pages so you can try everything.&lt;/li&gt;&lt;li&gt;Put the paper in and press &lt;b&gt;Scan&lt;/b&gt; (F5), or drop image and PDF files on this window.&lt;/li&gt;&lt;li&gt;Pages appear as they arrive; cleanup and text recognition run in the background.&lt;/li&gt;&lt;li&gt;Check the pages, correct the fields on the right (suggestions are coloured by confidence) and press &lt;b&gt;Ctrl+Enter&lt;/b&gt; to confirm and go to the next document.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="335"/>
        <source>Try the demo scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="349"/>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="351"/>
        <location filename="../../window.py" line="479"/>
        <source>Pipeline: idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="354"/>
        <source>Archive: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="355"/>
        <source>Packages waiting: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="372"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="376"/>
        <source>Scanner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="471"/>
        <source>%1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="476"/>
        <source>Waiting: %1 for cleanup, %2 for OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="533"/>
        <source>Sent back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="535"/>
        <source>Processing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="537"/>
        <source>The pages are being cleaned and read; the fields fill in when they are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="585"/>
        <source>No page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="594"/>
        <source>blank page, kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="594"/>
        <source>blank page, left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="596"/>
        <source>original — cleanup pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="673"/>
        <source>The bin of this document is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="693"/>
        <source>There is no next document to merge with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="704"/>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="716"/>
        <source>Insert pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="717"/>
        <location filename="../../window.py" line="828"/>
        <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="736"/>
        <source>Not confirmed: correct the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="746"/>
        <source>Confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="761"/>
        <source>(not answering)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="777"/>
        <source>Scanning page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="785"/>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="802"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="827"/>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="833"/>
        <source>Import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="842"/>
        <source>Imported %1 document(s); %2 file(s) refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../window.py" line="847"/>
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
        <location filename="../../models.py" line="216"/>
        <source>waiting for cleanup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="218"/>
        <source>waiting for OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="220"/>
        <source>processing failed: rescan this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="222"/>
        <source>blank page, kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models.py" line="222"/>
        <source>blank page, left out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../settings.py" line="36"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="41"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="42"/>
        <source>Scanners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="43"/>
        <source>Scan profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="44"/>
        <source>Archive and signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="45"/>
        <source>All settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="52"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="53"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="59"/>
        <location filename="../../settings.py" line="153"/>
        <source>Locked by the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="71"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="74"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="75"/>
        <source>A new language is used from the next start of the station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="83"/>
        <source>Network scanners added by address (for networks where they are not found by themselves):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="92"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="94"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="136"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="136"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="136"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="136"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="137"/>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="137"/>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="162"/>
        <source>Archive address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="162"/>
        <location filename="../../settings.py" line="164"/>
        <source>not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="163"/>
        <source>Archive token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="163"/>
        <source>not configured (kept in the system keyring once set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="164"/>
        <source>Signing certificate or token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="170"/>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="170"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="170"/>
        <source>Set by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="177"/>
        <source>administrator (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="181"/>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="181"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../settings.py" line="201"/>
        <source>%1: not a valid value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../window.py" line="884"/>
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
        <location filename="../../review.py" line="58" />
        <source>changed by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="59" />
        <source>picked for checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="60" />
        <source>page check pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="61" />
        <source>sent back before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="62" />
        <source>uncertain text recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="63" />
        <source>blank pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="70" />
        <source>typed by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="71" />
        <source>suggestion kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="72" />
        <source>suggestion left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="73" />
        <source>from the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="221" />
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="222" />
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="223" />
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../login.py" line="1" />
        <source>Create the first administrator</source>
        <translation>Create the first administrator</translation>
    </message>
    <message>
        <location filename="../../login.py" line="1" />
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../login.py" line="1" />
        <source>This station has no accounts yet. Create the administrator's account; the administrator then creates the operators' and supervisors' accounts with the command station user add.</source>
        <translation>This station has no accounts yet. Create the administrator's account; the administrator then creates the operators' and supervisors' accounts with the command station user add.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="1" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../login.py" line="1" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../login.py" line="1" />
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../login.py" line="1" />
        <source>The two passwords differ; type them again.</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="56" />
        <source>Station locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../login.py" line="68" />
        <source>The station is locked; nothing was lost. %1 types the password to carry on, or another person logs in with their own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../login.py" line="121" />
        <source>Checking the password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../accounts.py" line="92" />
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="97" />
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="97" />
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="97" />
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="98" />
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="98" />
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="112" />
        <source>New account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="115" />
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="118" />
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="124" />
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="132" />
        <source>Only an administrator creates accounts and resets passwords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="152" />
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="152" />
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="168" />
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="175" />
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="200" />
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="207" />
        <source>Account %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="213" />
        <source>Reset the password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="220" />
        <source>The password of %1 was reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="228" />
        <source>Account %1 enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="228" />
        <source>Account %1 disabled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../dashboard.py" line="55" />
        <source>Progress toward 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="63" />
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="65" />
        <source>Import inventory (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="68" />
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="71" />
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="81" />
        <source>Digitized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="81" />
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="81" />
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103" />
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103" />
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103" />
        <source>Documents expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103" />
        <source>Pages expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="104" />
        <source>Documents digitized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="104" />
        <source>Pages digitized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="104" />
        <source>% digitized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105" />
        <source>Documents approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105" />
        <source>% approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105" />
        <source>Documents archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105" />
        <source>% archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="107" />
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="107" />
        <source>Documents confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="107" />
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="108" />
        <source>Sent back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="110" />
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="110" />
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="113" />
        <source>Per procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="115" />
        <source>Per operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="116" />
        <source>Per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="177" />
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="183" />
        <source>%1 of %2 documents · %3 of %4 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="188" />
        <source>No inventory yet: import the list of paper files (Supervision → Import inventory) to see percentages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="191" />
        <source>Inventory: %1 paper file(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="194" />
        <source>%1 digitized document(s) are not in the inventory (their file code is not listed); they are not counted in the percentages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="197" />
        <source>Waiting to go to the archive: %1 document(s), %2 page(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="200" />
        <source>(no procedure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="204" />
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="229" />
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="229" />
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="230" />
        <source>Export the progress report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="247" />
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="248" />
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="251" />
        <source>Import the inventory of paper files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="265" />
        <source>Inventory imported: %1 paper file(s), %2 new.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../accounts.py" line="49" />
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="55" />
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="64" />
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="65" />
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="78" />
        <source>The two passwords differ; type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../review.py" line="99" />
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="99" />
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="99" />
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="99" />
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="100" />
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="118" />
        <source>(no title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="121" />
        <source>%1 page(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../review.py" line="177" />
        <source>All operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="178" />
        <source>All procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="179" />
        <source>Any flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="182" />
        <source>Operator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="182" />
        <source>Procedure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="183" />
        <source>Flag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="187" />
        <source>Sampling mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="189" />
        <source>Show the documents picked for a full page-by-page check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="192" />
        <source>Pick documents to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="243" />
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="243" />
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="243" />
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="244" />
        <source>Where from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="252" />
        <source>Rows in yellow: the operator typed a value other than the suggestion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="261" />
        <source>Every page checked: passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="264" />
        <source>Check failed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="271" />
        <source>Send back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="274" />
        <source>Approve (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="370" />
        <source>(no procedure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="377" />
        <source>%1 of %2 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="398" />
        <source>Nothing waiting for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="402" />
        <source>No page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="406" />
        <source>Confirmed by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="409" />
        <source>Procedure: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="411" />
        <source>Sent back before: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="414" />
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="414" />
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="414" />
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="416" />
        <source>Picked for a page-by-page check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="435" />
        <source>confidence %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="449" />
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="494" />
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="547" />
        <source>This document was picked for a page-by-page check: turn on the sampling mode, tick every page and record the result before approving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="550" />
        <source>This document failed its page-by-page check: send it back to its operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="559" />
        <source>You confirmed this document yourself, so you cannot approve it: another supervisor approves it (four-eyes rule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="561" />
        <source>You confirmed this document yourself, so you cannot send it back: another supervisor decides on it (four-eyes rule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="563" />
        <source>You confirmed this document yourself, so you cannot check it: another supervisor checks it (four-eyes rule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="572" />
        <source>Approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="585" />
        <source>Send back to the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="586" />
        <source>Say what the operator must correct; %1 sees this note with the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="591" />
        <source>Sent back to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="602" />
        <source>%1 document(s) picked for a page-by-page check (share %2 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="615" />
        <source>Page check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="615" />
        <source>Say what is wrong; the note goes to the operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="628" />
        <source>Page check recorded: passed; the document may be approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../review.py" line="629" />
        <source>Page check recorded: failed; the document went back to %1 with the note.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../../supervision.py" line="62" />
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="64" />
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="66" />
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="77" />
        <source>S&amp;upervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="79" />
        <source>Progress dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="81" />
        <source>Import inventory (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="83" />
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="84" />
        <source>Lock the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="178" />
        <source>Locked — %1 is away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
