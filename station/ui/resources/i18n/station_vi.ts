<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../accounts.py" line="92"/>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="97"/>
        <source>Name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="97"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="97"/>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="98"/>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="98"/>
        <source>Created by</source>
        <translation>Người tạo</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="112"/>
        <source>New account…</source>
        <translation>Tạo tài khoản…</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="115"/>
        <source>Reset password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="118"/>
        <location filename="../../accounts.py" line="168"/>
        <source>Disable</source>
        <translation>Khóa tài khoản</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="124"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="132"/>
        <source>Only an administrator creates accounts and resets passwords.</source>
        <translation>Chỉ quản trị viên mới tạo tài khoản và đặt lại mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="152"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="152"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="168"/>
        <source>Enable</source>
        <translation>Mở lại tài khoản</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="175"/>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="201"/>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="208"/>
        <source>Account %1 created.</source>
        <translation>Đã tạo tài khoản %1.</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="214"/>
        <source>Reset the password of %1</source>
        <translation>Đặt lại mật khẩu của %1</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="221"/>
        <source>The password of %1 was reset.</source>
        <translation>Đã đặt lại mật khẩu của %1.</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="229"/>
        <source>Account %1 enabled.</source>
        <translation>Đã mở lại tài khoản %1.</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="229"/>
        <source>Account %1 disabled.</source>
        <translation>Đã khóa tài khoản %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveLink</name>
    <message>
        <location filename="../../archive.py" line="197"/>
        <location filename="../../archive.py" line="258"/>
        <source>Click to open the archive settings</source>
        <translation>Bấm để mở cài đặt kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="200"/>
        <location filename="../../archive.py" line="255"/>
        <source>Export packages to a USB folder…</source>
        <translation>Xuất các gói ra thư mục USB…</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="203"/>
        <location filename="../../archive.py" line="256"/>
        <source>Import archive receipts from a USB folder…</source>
        <translation>Nhập biên nhận của kho lưu trữ từ thư mục USB…</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="269"/>
        <source>Export packages to a USB folder</source>
        <translation>Xuất các gói ra thư mục USB</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="279"/>
        <source>%1 package(s) written to %2 for the archive.</source>
        <translation>Đã ghi %1 gói vào %2 để chuyển cho kho lưu trữ.</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="282"/>
        <source>%1 could not be written.</source>
        <translation>%1 gói không ghi được.</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="285"/>
        <source>Writing packages to %1…</source>
        <translation>Đang ghi các gói vào %1…</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="289"/>
        <source>Import archive receipts from a USB folder</source>
        <translation>Nhập biên nhận của kho lưu trữ từ thư mục USB</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="301"/>
        <source>Receipts read: %1 accepted, %2 rejected by the archive.</source>
        <translation>Đã đọc biên nhận: kho lưu trữ nhận %1 gói, từ chối %2 gói.</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../archive.py" line="339"/>
        <source>Archive address</source>
        <translation>Địa chỉ kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="342"/>
        <source>only when the ministry&apos;s own CA signed the archive&apos;s certificate</source>
        <translation>chỉ khi chứng thư của kho lưu trữ do CA của Bộ cấp</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="343"/>
        <location filename="../../archive.py" line="354"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="348"/>
        <source>CA file (PEM)</source>
        <translation>Tệp CA (PEM)</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="349"/>
        <source>Fetch it from the archive and show its fingerprint</source>
        <translation>Lấy từ kho lưu trữ và hiện dấu vân tay</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="351"/>
        <source>From a file:</source>
        <translation>Từ tệp:</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="364"/>
        <location filename="../../archive.py" line="430"/>
        <source>Receipt certificate</source>
        <translation>Chứng thư ký biên nhận</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="368"/>
        <source>leave empty to keep the access code already set</source>
        <translation>để trống nếu giữ mã truy cập đã có</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="369"/>
        <source>Access code (token)</source>
        <translation>Mã truy cập (token)</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="371"/>
        <source>The access code is kept in the system keyring, never in a file, and is not shown again. Compare the certificate&apos;s fingerprint with the one the archive&apos;s administrator gave you.</source>
        <translation>Mã truy cập được giữ trong kho khóa của hệ thống, không bao giờ ghi ra tệp và không hiện lại. Hãy so dấu vân tay của chứng thư với dấu vân tay quản trị viên lưu trữ đã đưa.</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="375"/>
        <source>Save and connect</source>
        <translation>Lưu và kết nối</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="378"/>
        <source>Send now</source>
        <translation>Gửi ngay</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="400"/>
        <source>Locked by the administrator</source>
        <translation>Bị quản trị viên khóa</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="404"/>
        <source>Only an administrator may change the archive settings.</source>
        <translation>Chỉ quản trị viên được thay đổi cài đặt kho lưu trữ.</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="417"/>
        <source>Reading the archive settings…</source>
        <translation>Đang đọc cài đặt kho lưu trữ…</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="425"/>
        <source>CA file</source>
        <translation>Tệp CA</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="425"/>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Chứng thư (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="431"/>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>Chứng thư (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="438"/>
        <source>No archive is set up: sealed packages wait on this station. An administrator enters the archive&apos;s address and access code below.</source>
        <translation>Chưa thiết lập kho lưu trữ: các gói đã niêm phong chờ trên trạm này. Quản trị viên nhập địa chỉ và mã truy cập của kho lưu trữ ở dưới.</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="441"/>
        <source>Archive: %1</source>
        <translation>Kho lưu trữ: %1</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="442"/>
        <source>Station: %1</source>
        <translation>Trạm: %1</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="444"/>
        <source>Access code: given by the environment (STATION_ARCHIVE_TOKEN) of an unattended station</source>
        <translation>Mã truy cập: lấy từ biến môi trường (STATION_ARCHIVE_TOKEN) của trạm chạy không người trực</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="447"/>
        <source>Access code: kept in the system keyring</source>
        <translation>Mã truy cập: đã lưu trong kho khóa của hệ thống</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="449"/>
        <source>Access code: not set — the station cannot send until an administrator enters it</source>
        <translation>Mã truy cập: chưa có — trạm chưa gửi được cho đến khi quản trị viên nhập mã</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="451"/>
        <source>CA file: %1</source>
        <translation>Tệp CA: %1</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="453"/>
        <source>Receipt certificate fingerprint (SHA-256): %1</source>
        <translation>Dấu vân tay chứng thư ký biên nhận (SHA-256): %1</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="457"/>
        <source>Issued to: %1</source>
        <translation>Cấp cho: %1</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="484"/>
        <source>Contacting the archive…</source>
        <translation>Đang liên lạc với kho lưu trữ…</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="492"/>
        <source>Saved. Compare the fingerprint above with the archive administrator&apos;s; the station sends its packages from now on.</source>
        <translation>Đã lưu. Hãy so dấu vân tay ở trên với dấu vân tay của quản trị viên lưu trữ; từ giờ trạm tự gửi các gói.</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="503"/>
        <source>Sending every waiting package now.</source>
        <translation>Đang gửi ngay mọi gói chờ gửi.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../dashboard.py" line="55"/>
        <source>Progress toward 100 %</source>
        <translation>Tiến độ số hóa đến 100 %</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="63"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="65"/>
        <source>Import inventory (CSV)…</source>
        <translation>Nhập danh mục hồ sơ (CSV)…</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="68"/>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="71"/>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="81"/>
        <source>Digitized</source>
        <translation>Đã số hóa</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="81"/>
        <location filename="../../dashboard.py" line="107"/>
        <location filename="../../dashboard.py" line="111"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="81"/>
        <source>Archived</source>
        <translation>Đã lưu trữ</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103"/>
        <source>Files</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103"/>
        <source>Documents expected</source>
        <translation>VB dự kiến</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="103"/>
        <source>Pages expected</source>
        <translation>Trang dự kiến</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="104"/>
        <location filename="../../dashboard.py" line="110"/>
        <source>Documents digitized</source>
        <translation>VB đã số hóa</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="104"/>
        <location filename="../../dashboard.py" line="110"/>
        <source>Pages digitized</source>
        <translation>Trang đã số hóa</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="104"/>
        <source>% digitized</source>
        <translation>% số hóa</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105"/>
        <source>Documents approved</source>
        <translation>VB đã duyệt</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105"/>
        <source>% approved</source>
        <translation>% duyệt</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105"/>
        <source>Documents archived</source>
        <translation>VB đã lưu trữ</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="105"/>
        <source>% archived</source>
        <translation>% lưu trữ</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="107"/>
        <source>Operator</source>
        <translation>Người nhập liệu</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="107"/>
        <source>Documents confirmed</source>
        <translation>VB đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="107"/>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="108"/>
        <source>Sent back</source>
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="110"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="110"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="113"/>
        <source>Per procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="115"/>
        <source>Per operator</source>
        <translation>Theo người nhập liệu</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="116"/>
        <source>Per day</source>
        <translation>Theo ngày</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="178"/>
        <source>as of %1</source>
        <translation>lúc %1</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="184"/>
        <source>%1 of %2 documents · %3 of %4 pages</source>
        <translation>%1 / %2 văn bản · %3 / %4 trang</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="189"/>
        <source>No inventory yet: import the list of paper files (Supervision → Import inventory) to see percentages.</source>
        <translation>Chưa có danh mục hồ sơ: hãy nhập danh sách hồ sơ giấy (Giám sát → Nhập danh mục hồ sơ) để xem tỷ lệ phần trăm.</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="192"/>
        <source>Inventory: %1 paper file(s).</source>
        <translation>Danh mục: %1 hồ sơ giấy.</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="195"/>
        <source>%1 digitized document(s) are not in the inventory (their file code is not listed); they are not counted in the percentages.</source>
        <translation>%1 văn bản đã số hóa không thuộc danh mục (mã hồ sơ không có trong danh mục); không được tính vào tỷ lệ phần trăm.</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="198"/>
        <source>Waiting to go to the archive: %1 document(s), %2 page(s).</source>
        <translation>Chờ đồng bộ lên kho lưu trữ: %1 văn bản, %2 trang.</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="201"/>
        <source>(no procedure)</source>
        <translation>(chưa có thủ tục)</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="205"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="230"/>
        <location filename="../../dashboard.py" line="253"/>
        <source>CSV table (*.csv)</source>
        <translation>Bảng CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="230"/>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="231"/>
        <source>Export the progress report</source>
        <translation>Xuất báo cáo tiến độ</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="248"/>
        <source>Writing the report…</source>
        <translation>Đang ghi báo cáo…</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="249"/>
        <source>Report written to %1</source>
        <translation>Đã ghi báo cáo vào %1</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="252"/>
        <source>Import the inventory of paper files</source>
        <translation>Nhập danh mục hồ sơ giấy</translation>
    </message>
    <message>
        <location filename="../../dashboard.py" line="266"/>
        <source>Inventory imported: %1 paper file(s), %2 new.</source>
        <translation>Đã nhập danh mục: %1 hồ sơ giấy, %2 hồ sơ mới.</translation>
    </message>
</context>
<context>
    <name>DocumentModel</name>
    <message>
        <location filename="../../models.py" line="84"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../models.py" line="84"/>
        <source>No.</source>
        <translation>Số TT</translation>
    </message>
    <message>
        <location filename="../../models.py" line="84"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../models.py" line="84"/>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location filename="../../models.py" line="98"/>
        <source>(no title yet)</source>
        <translation>(chưa có trích yếu)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../login.py" line="58"/>
        <source>Create the first administrator</source>
        <translation>Tạo tài khoản quản trị đầu tiên</translation>
    </message>
    <message>
        <location filename="../../login.py" line="58"/>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../login.py" line="63"/>
        <source>This station has no accounts yet. Create the administrator&apos;s account; the administrator then creates the operators&apos; and supervisors&apos; accounts with the command station user add.</source>
        <translation>Trạm chưa có tài khoản nào. Hãy tạo tài khoản quản trị; sau đó người quản trị tạo tài khoản cho nhân viên số hóa và người kiểm duyệt bằng lệnh station user add.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="76"/>
        <source>Name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../login.py" line="77"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../login.py" line="85"/>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../login.py" line="105"/>
        <source>The two passwords differ; type them again.</source>
        <translation>Hai mật khẩu không khớp; hãy nhập lại.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="56"/>
        <source>Station locked</source>
        <translation>Trạm đang khóa</translation>
    </message>
    <message>
        <location filename="../../login.py" line="68"/>
        <source>The station is locked; nothing was lost. %1 types the password to carry on, or another person logs in with their own name.</source>
        <translation>Trạm đang khóa; không mất dữ liệu nào. %1 nhập mật khẩu để làm tiếp, hoặc người khác đăng nhập bằng tên của mình.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="121"/>
        <source>Checking the password…</source>
        <translation>Đang kiểm tra mật khẩu…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../window.py" line="83"/>
        <source>Scanning station</source>
        <translation>Trạm số hóa</translation>
    </message>
    <message>
        <location filename="../../window.py" line="144"/>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location filename="../../window.py" line="145"/>
        <source>Scan more</source>
        <translation>Quét tiếp</translation>
    </message>
    <message>
        <location filename="../../window.py" line="146"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../window.py" line="148"/>
        <location filename="../../window.py" line="377"/>
        <source>Import files…</source>
        <translation>Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="149"/>
        <source>Import folder…</source>
        <translation>Nhập thư mục…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="151"/>
        <source>Turn left</source>
        <translation>Xoay trái</translation>
    </message>
    <message>
        <location filename="../../window.py" line="152"/>
        <source>Turn right</source>
        <translation>Xoay phải</translation>
    </message>
    <message>
        <location filename="../../window.py" line="153"/>
        <source>Mark blank / keep</source>
        <translation>Đánh dấu trang trắng / giữ lại</translation>
    </message>
    <message>
        <location filename="../../window.py" line="154"/>
        <source>Remove page</source>
        <translation>Bỏ trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="155"/>
        <source>Restore removed page</source>
        <translation>Lấy lại trang đã bỏ</translation>
    </message>
    <message>
        <location filename="../../window.py" line="157"/>
        <source>Rescan this page</source>
        <translation>Quét lại trang này</translation>
    </message>
    <message>
        <location filename="../../window.py" line="158"/>
        <source>Insert pages from files…</source>
        <translation>Chèn trang từ tệp…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="159"/>
        <source>Split document here</source>
        <translation>Tách văn bản tại đây</translation>
    </message>
    <message>
        <location filename="../../window.py" line="160"/>
        <source>Merge with next document</source>
        <translation>Gộp với văn bản sau</translation>
    </message>
    <message>
        <location filename="../../window.py" line="161"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../window.py" line="162"/>
        <source>Move page left</source>
        <translation>Chuyển trang sang trái</translation>
    </message>
    <message>
        <location filename="../../window.py" line="164"/>
        <source>Move page right</source>
        <translation>Chuyển trang sang phải</translation>
    </message>
    <message>
        <location filename="../../window.py" line="166"/>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../window.py" line="168"/>
        <source>Next document</source>
        <translation>Văn bản sau</translation>
    </message>
    <message>
        <location filename="../../window.py" line="170"/>
        <source>Previous document</source>
        <translation>Văn bản trước</translation>
    </message>
    <message>
        <location filename="../../window.py" line="172"/>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <location filename="../../window.py" line="174"/>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <location filename="../../window.py" line="176"/>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="177"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../window.py" line="178"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../window.py" line="179"/>
        <source>Show original</source>
        <translation>Xem bản gốc</translation>
    </message>
    <message>
        <location filename="../../window.py" line="181"/>
        <source>Show OCR words</source>
        <translation>Hiện khung chữ OCR</translation>
    </message>
    <message>
        <location filename="../../window.py" line="183"/>
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="184"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../window.py" line="187"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../window.py" line="190"/>
        <source>&amp;Scan</source>
        <translation>&amp;Quét</translation>
    </message>
    <message>
        <location filename="../../window.py" line="193"/>
        <source>&amp;Pages</source>
        <translation>T&amp;rang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="197"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../window.py" line="203"/>
        <source>Scanning</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location filename="../../window.py" line="208"/>
        <source>Scanner:</source>
        <translation>Máy quét:</translation>
    </message>
    <message>
        <location filename="../../window.py" line="215"/>
        <source>Profile:</source>
        <translation>Cấu hình quét:</translation>
    </message>
    <message>
        <location filename="../../window.py" line="227"/>
        <location filename="../../window.py" line="399"/>
        <location filename="../../window.py" line="945"/>
        <source>Scanner ready</source>
        <translation>Máy quét sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../window.py" line="230"/>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="261"/>
        <source>All batches</source>
        <translation>Tất cả các lô</translation>
    </message>
    <message>
        <location filename="../../window.py" line="326"/>
        <location filename="../../window.py" line="870"/>
        <source>Confirm and go to the next (Ctrl+Enter)</source>
        <translation>Xác nhận và sang văn bản sau (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../window.py" line="356"/>
        <source>Welcome to the scanning station</source>
        <translation>Chào mừng đến với trạm số hóa</translation>
    </message>
    <message>
        <location filename="../../window.py" line="360"/>
        <source>&lt;ol&gt;&lt;li&gt;Choose a scanner and a profile above. Until a scanner is set up, the &lt;b&gt;demo scanner&lt;/b&gt; feeds sample pages so you can try everything.&lt;/li&gt;&lt;li&gt;Put the paper in and press &lt;b&gt;Scan&lt;/b&gt; (F5), or drop image and PDF files on this window.&lt;/li&gt;&lt;li&gt;Pages appear as they arrive; cleanup and text recognition run in the background.&lt;/li&gt;&lt;li&gt;Check the pages, correct the fields on the right (suggestions are coloured by confidence) and press &lt;b&gt;Ctrl+Enter&lt;/b&gt; to confirm and go to the next document.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Chọn máy quét và cấu hình quét ở trên. Khi chưa cài máy quét, &lt;b&gt;máy quét mẫu&lt;/b&gt; sẽ đưa vào các trang mẫu để bạn dùng thử mọi chức năng.&lt;/li&gt;&lt;li&gt;Đặt giấy vào rồi bấm &lt;b&gt;Quét&lt;/b&gt; (F5), hoặc kéo thả tệp ảnh, PDF vào cửa sổ này.&lt;/li&gt;&lt;li&gt;Các trang hiện ra ngay khi được quét; việc làm sạch và nhận dạng chữ chạy ngầm.&lt;/li&gt;&lt;li&gt;Kiểm tra các trang, sửa các trường bên phải (gợi ý được tô màu theo độ tin cậy) rồi bấm &lt;b&gt;Ctrl+Enter&lt;/b&gt; để xác nhận và sang văn bản sau.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../../window.py" line="373"/>
        <source>Try the demo scanner</source>
        <translation>Quét thử bằng máy quét mẫu</translation>
    </message>
    <message>
        <location filename="../../window.py" line="387"/>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="389"/>
        <location filename="../../window.py" line="527"/>
        <source>Pipeline: idle</source>
        <translation>Xử lý: không có việc chờ</translation>
    </message>
    <message>
        <location filename="../../workers.py" line="473"/>
        <source>Unexpected error: %1</source>
        <translation>Lỗi không lường trước: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="412"/>
        <source>Scanner: %1</source>
        <translation>Máy quét: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="519"/>
        <source>%1 documents</source>
        <translation>%1 văn bản</translation>
    </message>
    <message>
        <location filename="../../window.py" line="524"/>
        <source>Waiting: %1 for cleanup, %2 for OCR</source>
        <translation>Đang chờ: %1 trang làm sạch, %2 trang nhận dạng chữ</translation>
    </message>
    <message>
        <location filename="../../window.py" line="621"/>
        <source>Sent back: %1</source>
        <translation>Bị trả lại: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="623"/>
        <source>Processing failed: %1</source>
        <translation>Xử lý không thành công: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="625"/>
        <source>The pages are being cleaned and read; the fields fill in when they are done.</source>
        <translation>Các trang đang được làm sạch và nhận dạng chữ; các trường sẽ được điền khi xong.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="671"/>
        <source>No page</source>
        <translation>Chưa có trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="680"/>
        <source>blank page, kept</source>
        <translation>trang trắng, được giữ lại</translation>
    </message>
    <message>
        <location filename="../../window.py" line="680"/>
        <source>blank page, left out</source>
        <translation>trang trắng, không đưa vào PDF</translation>
    </message>
    <message>
        <location filename="../../window.py" line="682"/>
        <source>original — cleanup pending</source>
        <translation>bản gốc — đang chờ làm sạch</translation>
    </message>
    <message>
        <location filename="../../window.py" line="776"/>
        <source>The bin of this document is empty.</source>
        <translation>Thùng rác của văn bản này đang trống.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="796"/>
        <source>There is no next document to merge with.</source>
        <translation>Không có văn bản sau để gộp.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="807"/>
        <source>Undone: %1</source>
        <translation>Đã hoàn tác: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="819"/>
        <source>Insert pages</source>
        <translation>Chèn trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="820"/>
        <location filename="../../window.py" line="964"/>
        <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>Ảnh và PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../../window.py" line="841"/>
        <source>Not confirmed: correct the fields marked in red.</source>
        <translation>Chưa xác nhận: hãy sửa các trường báo đỏ.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="848"/>
        <source>Confirmed.</source>
        <translation>Đã xác nhận.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="881"/>
        <source>(not answering)</source>
        <translation>(không phản hồi)</translation>
    </message>
    <message>
        <location filename="../../window.py" line="897"/>
        <source>Scanning page %1</source>
        <translation>Đang quét trang %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="907"/>
        <source>Scanning…</source>
        <translation>Đang quét…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="934"/>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="963"/>
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <location filename="../../window.py" line="969"/>
        <source>Import a folder</source>
        <translation>Nhập thư mục</translation>
    </message>
    <message>
        <location filename="../../window.py" line="978"/>
        <source>Imported %1 document(s); %2 file(s) refused.</source>
        <translation>Đã nhập %1 văn bản; %2 tệp bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="983"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="869"/>
        <source>Confirming…</source>
        <translation>Đang xác nhận…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="928"/>
        <source>%1 page(s) received</source>
        <translation>Đã nhận %1 trang</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="138"/>
        <source>User: %1 (%2)</source>
        <translation>Người dùng: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../form.py" line="25"/>
        <source>Document type</source>
        <translation>Tên loại văn bản</translation>
    </message>
    <message>
        <location filename="../../form.py" line="26"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../form.py" line="27"/>
        <source>Notation</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <location filename="../../form.py" line="28"/>
        <source>Year (legal documents)</source>
        <translation>Năm (văn bản QPPL)</translation>
    </message>
    <message>
        <location filename="../../form.py" line="29"/>
        <source>Date issued</source>
        <translation>Ngày tháng năm</translation>
    </message>
    <message>
        <location filename="../../form.py" line="30"/>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../form.py" line="31"/>
        <source>Issuing organ</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../form.py" line="32"/>
        <source>Parent organ</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <location filename="../../form.py" line="33"/>
        <source>Subject</source>
        <translation>Trích yếu nội dung</translation>
    </message>
    <message>
        <location filename="../../form.py" line="34"/>
        <source>Signer&apos;s position</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../form.py" line="35"/>
        <source>Signing authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <location filename="../../form.py" line="36"/>
        <source>Signer&apos;s name</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <location filename="../../form.py" line="37"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../form.py" line="38"/>
        <source>Number of pages</source>
        <translation>Số lượng trang</translation>
    </message>
    <message>
        <location filename="../../form.py" line="39"/>
        <source>File code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../form.py" line="40"/>
        <source>Document number in the file</source>
        <translation>Số thứ tự văn bản trong hồ sơ</translation>
    </message>
    <message>
        <location filename="../../form.py" line="41"/>
        <source>Administrative procedure code</source>
        <translation>Mã thủ tục hành chính</translation>
    </message>
    <message>
        <location filename="../../form.py" line="42"/>
        <source>Procedure dossier code</source>
        <translation>Mã hồ sơ TTHC</translation>
    </message>
    <message>
        <location filename="../../form.py" line="43"/>
        <source>Retention period</source>
        <translation>Thời hạn bảo quản</translation>
    </message>
    <message>
        <location filename="../../form.py" line="44"/>
        <source>Access rights</source>
        <translation>Chế độ sử dụng</translation>
    </message>
    <message>
        <location filename="../../form.py" line="45"/>
        <source>Reliability</source>
        <translation>Mức độ tin cậy</translation>
    </message>
    <message>
        <location filename="../../form.py" line="46"/>
        <source>Paper file code</source>
        <translation>Mã hồ sơ gốc giấy</translation>
    </message>
    <message>
        <location filename="../../form.py" line="47"/>
        <source>Physical condition</source>
        <translation>Tình trạng vật lý</translation>
    </message>
    <message>
        <location filename="../../form.py" line="48"/>
        <source>Keywords</source>
        <translation>Từ khóa</translation>
    </message>
    <message>
        <location filename="../../form.py" line="49"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../form.py" line="102"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../form.py" line="179"/>
        <source>Suggested from page %1, confidence %2%</source>
        <translation>Gợi ý từ trang %1, độ tin cậy %2%</translation>
    </message>
</context>
<context>
    <name>PageModel</name>
    <message>
        <location filename="../../models.py" line="242"/>
        <source>waiting for cleanup</source>
        <translation>đang chờ làm sạch</translation>
    </message>
    <message>
        <location filename="../../models.py" line="244"/>
        <source>waiting for OCR</source>
        <translation>đang chờ nhận dạng chữ</translation>
    </message>
    <message>
        <location filename="../../models.py" line="246"/>
        <source>processing failed: rescan this page</source>
        <translation>xử lý lỗi: hãy quét lại trang này</translation>
    </message>
    <message>
        <location filename="../../models.py" line="248"/>
        <source>blank page, kept</source>
        <translation>trang trắng, được giữ lại</translation>
    </message>
    <message>
        <location filename="../../models.py" line="248"/>
        <source>blank page, left out</source>
        <translation>trang trắng, không đưa vào PDF</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../accounts.py" line="49"/>
        <source>Name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="55"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="64"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="65"/>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../accounts.py" line="78"/>
        <source>The two passwords differ; type them again.</source>
        <translation>Hai mật khẩu không khớp; hãy nhập lại.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../review.py" line="100"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../review.py" line="100"/>
        <source>Operator</source>
        <translation>Người nhập liệu</translation>
    </message>
    <message>
        <location filename="../../review.py" line="100"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../review.py" line="100"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../review.py" line="101"/>
        <source>Flags</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <location filename="../../review.py" line="119"/>
        <source>(no title)</source>
        <translation>(chưa có trích yếu)</translation>
    </message>
    <message>
        <location filename="../../review.py" line="122"/>
        <source>%1 page(s)</source>
        <translation>%1 trang</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../review.py" line="180"/>
        <source>All operators</source>
        <translation>Mọi người nhập liệu</translation>
    </message>
    <message>
        <location filename="../../review.py" line="181"/>
        <source>All procedures</source>
        <translation>Mọi thủ tục</translation>
    </message>
    <message>
        <location filename="../../review.py" line="182"/>
        <source>Any flag</source>
        <translation>Mọi lưu ý</translation>
    </message>
    <message>
        <location filename="../../review.py" line="185"/>
        <source>Operator:</source>
        <translation>Người nhập liệu:</translation>
    </message>
    <message>
        <location filename="../../review.py" line="185"/>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <location filename="../../review.py" line="186"/>
        <source>Flag:</source>
        <translation>Lưu ý:</translation>
    </message>
    <message>
        <location filename="../../review.py" line="190"/>
        <source>Sampling mode</source>
        <translation>Chế độ kiểm tra mẫu</translation>
    </message>
    <message>
        <location filename="../../review.py" line="192"/>
        <source>Show the documents picked for a full page-by-page check</source>
        <translation>Hiện các văn bản được chọn để kiểm tra từng trang</translation>
    </message>
    <message>
        <location filename="../../review.py" line="195"/>
        <source>Pick documents to check</source>
        <translation>Chọn văn bản để kiểm tra</translation>
    </message>
    <message>
        <location filename="../../review.py" line="250"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../review.py" line="250"/>
        <source>Suggested</source>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <location filename="../../review.py" line="250"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../review.py" line="251"/>
        <source>Where from</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../review.py" line="260"/>
        <source>Rows in yellow: the operator typed a value other than the suggestion.</source>
        <translation>Dòng màu vàng: người nhập liệu đã gõ giá trị khác với gợi ý.</translation>
    </message>
    <message>
        <location filename="../../review.py" line="269"/>
        <source>Every page checked: passed</source>
        <translation>Đã xem mọi trang: đạt</translation>
    </message>
    <message>
        <location filename="../../review.py" line="272"/>
        <source>Check failed…</source>
        <translation>Không đạt…</translation>
    </message>
    <message>
        <location filename="../../review.py" line="279"/>
        <source>Send back…</source>
        <translation>Trả lại…</translation>
    </message>
    <message>
        <location filename="../../review.py" line="282"/>
        <source>Approve (Ctrl+Enter)</source>
        <translation>Duyệt (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../review.py" line="378"/>
        <source>(no procedure)</source>
        <translation>(chưa có thủ tục)</translation>
    </message>
    <message>
        <location filename="../../review.py" line="385"/>
        <source>%1 of %2 waiting</source>
        <translation>%1 / %2 văn bản chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../review.py" line="406"/>
        <source>Nothing waiting for approval.</source>
        <translation>Không có văn bản nào chờ duyệt.</translation>
    </message>
    <message>
        <location filename="../../review.py" line="410"/>
        <location filename="../../review.py" line="477"/>
        <source>No page</source>
        <translation>Không có trang</translation>
    </message>
    <message>
        <location filename="../../review.py" line="414"/>
        <source>Confirmed by %1 at %2</source>
        <translation>Do %1 xác nhận lúc %2</translation>
    </message>
    <message>
        <location filename="../../review.py" line="417"/>
        <source>Procedure: %1</source>
        <translation>Thủ tục: %1</translation>
    </message>
    <message>
        <location filename="../../review.py" line="419"/>
        <source>Sent back before: %1</source>
        <translation>Đã từng bị trả lại: %1</translation>
    </message>
    <message>
        <location filename="../../review.py" line="422"/>
        <source>not checked yet</source>
        <translation>chưa kiểm tra</translation>
    </message>
    <message>
        <location filename="../../review.py" line="422"/>
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../review.py" line="422"/>
        <source>failed</source>
        <translation>không đạt</translation>
    </message>
    <message>
        <location filename="../../review.py" line="424"/>
        <source>Picked for a page-by-page check: %1</source>
        <translation>Được chọn để kiểm tra từng trang: %1</translation>
    </message>
    <message>
        <location filename="../../review.py" line="444"/>
        <source>confidence %1%</source>
        <translation>độ tin cậy %1%</translation>
    </message>
    <message>
        <location filename="../../review.py" line="461"/>
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <location filename="../../review.py" line="508"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../review.py" line="578"/>
        <source>This document was picked for a page-by-page check: turn on the sampling mode, tick every page and record the result before approving it.</source>
        <translation>Văn bản này được chọn để kiểm tra từng trang: hãy bật chế độ kiểm tra mẫu, đánh dấu mọi trang và ghi kết quả trước khi duyệt.</translation>
    </message>
    <message>
        <location filename="../../review.py" line="581"/>
        <source>This document failed its page-by-page check: send it back to its operator.</source>
        <translation>Văn bản này không đạt khi kiểm tra từng trang: hãy trả lại cho người nhập liệu.</translation>
    </message>
    <message>
        <location filename="../../review.py" line="590"/>
        <source>You confirmed this document yourself, so you cannot approve it: another supervisor approves it (four-eyes rule).</source>
        <translation>Bạn đã tự xác nhận văn bản này nên không thể duyệt: một người giám sát khác sẽ duyệt (nguyên tắc bốn mắt).</translation>
    </message>
    <message>
        <location filename="../../review.py" line="592"/>
        <source>You confirmed this document yourself, so you cannot send it back: another supervisor decides on it (four-eyes rule).</source>
        <translation>Bạn đã tự xác nhận văn bản này nên không thể trả lại: một người giám sát khác sẽ quyết định (nguyên tắc bốn mắt).</translation>
    </message>
    <message>
        <location filename="../../review.py" line="594"/>
        <source>You confirmed this document yourself, so you cannot check it: another supervisor checks it (four-eyes rule).</source>
        <translation>Bạn đã tự xác nhận văn bản này nên không thể kiểm tra: một người giám sát khác sẽ kiểm tra (nguyên tắc bốn mắt).</translation>
    </message>
    <message>
        <location filename="../../review.py" line="603"/>
        <source>Approved.</source>
        <translation>Đã duyệt.</translation>
    </message>
    <message>
        <location filename="../../review.py" line="616"/>
        <source>Send back to the operator</source>
        <translation>Trả lại cho người nhập liệu</translation>
    </message>
    <message>
        <location filename="../../review.py" line="617"/>
        <source>Say what the operator must correct; %1 sees this note with the document.</source>
        <translation>Ghi rõ người nhập liệu cần sửa gì; %1 sẽ thấy ghi chú này cùng văn bản.</translation>
    </message>
    <message>
        <location filename="../../review.py" line="622"/>
        <source>Sent back to %1.</source>
        <translation>Đã trả lại cho %1.</translation>
    </message>
    <message>
        <location filename="../../review.py" line="633"/>
        <source>%1 document(s) picked for a page-by-page check (share %2 %).</source>
        <translation>Đã chọn %1 văn bản để kiểm tra từng trang (tỷ lệ %2 %).</translation>
    </message>
    <message>
        <location filename="../../review.py" line="646"/>
        <source>Page check failed</source>
        <translation>Kiểm tra từng trang không đạt</translation>
    </message>
    <message>
        <location filename="../../review.py" line="646"/>
        <source>Say what is wrong; the note goes to the operator.</source>
        <translation>Ghi rõ sai sót; ghi chú sẽ được gửi cho người nhập liệu.</translation>
    </message>
    <message>
        <location filename="../../review.py" line="659"/>
        <source>Page check recorded: passed; the document may be approved.</source>
        <translation>Đã ghi kết quả kiểm tra: đạt; văn bản có thể được duyệt.</translation>
    </message>
    <message>
        <location filename="../../review.py" line="660"/>
        <source>Page check recorded: failed; the document went back to %1 with the note.</source>
        <translation>Đã ghi kết quả kiểm tra: không đạt; văn bản đã được trả lại cho %1 kèm ghi chú.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../settings.py" line="54"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="59"/>
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="60"/>
        <source>Scanners</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="61"/>
        <source>Scan profiles</source>
        <translation>Cấu hình quét</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="66"/>
        <source>All settings</source>
        <translation>Tất cả cài đặt</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="75"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="76"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="82"/>
        <location filename="../../settings.py" line="182"/>
        <source>Locked by the administrator</source>
        <translation>Bị quản trị viên khóa</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="94"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="97"/>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="106"/>
        <source>Network scanners added by address (for networks where they are not found by themselves):</source>
        <translation>Máy quét mạng thêm theo địa chỉ (cho mạng không tự tìm thấy):</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="115"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="117"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="165"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="165"/>
        <source>Resolution</source>
        <translation>Độ phân giải</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="165"/>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="165"/>
        <source>Source</source>
        <translation>Nguồn giấy</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="166"/>
        <source>Page size</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="166"/>
        <source>Split</source>
        <translation>Tách văn bản</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>Setting</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>Set by</source>
        <translation>Do ai đặt</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="198"/>
        <source>administrator (locked)</source>
        <translation>quản trị viên (khóa)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="207"/>
        <source>you</source>
        <translation>bạn</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="207"/>
        <source>default</source>
        <translation>mặc định</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="231"/>
        <source>%1: not a valid value</source>
        <translation>%1: giá trị không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="63"/>
        <source>Archive</source>
        <translation>Kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="65"/>
        <source>Signing</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="98"/>
        <source>A new language applies at once, in every open window.</source>
        <translation>Ngôn ngữ mới được áp dụng ngay, trên mọi cửa sổ đang mở.</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="204"/>
        <source>Archive tab (administrator)</source>
        <translation>thẻ Kho lưu trữ (quản trị viên)</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../settings.py" line="286"/>
        <source>Certificate file (PKCS#12: .p12, .pfx)</source>
        <translation>Tệp chứng thư số (PKCS#12: .p12, .pfx)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="288"/>
        <source>USB token or smart card (PKCS#11)</source>
        <translation>USB token hoặc thẻ thông minh (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="295"/>
        <location filename="../../settings.py" line="371"/>
        <source>Certificate file</source>
        <translation>Tệp chứng thư số</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="299"/>
        <location filename="../../settings.py" line="317"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="304"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="308"/>
        <source>Passphrase</source>
        <translation>Mật khẩu tệp</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="309"/>
        <source>The passphrase is kept in the system keyring, never in a file.</source>
        <translation>Mật khẩu được giữ trong kho khóa của hệ thống, không bao giờ ghi ra tệp.</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="312"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="322"/>
        <location filename="../../settings.py" line="377"/>
        <source>Driver library</source>
        <translation>Thư viện trình điều khiển</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="325"/>
        <source>Token label</source>
        <translation>Nhãn token</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="328"/>
        <source>Key label</source>
        <translation>Nhãn khóa</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="332"/>
        <source>PIN (to read the certificate now; not kept)</source>
        <translation>Mã PIN (để đọc chứng thư ngay; không được lưu)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="335"/>
        <source>Use this certificate</source>
        <translation>Dùng chứng thư này</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="360"/>
        <source>Locked by the administrator</source>
        <translation>Bị quản trị viên khóa</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="372"/>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>Tệp PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="377"/>
        <source>Libraries (*.so *.dll)</source>
        <translation>Thư viện (*.so *.dll)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="391"/>
        <source>No signing certificate is set up: documents cannot be sealed yet.</source>
        <translation>Chưa có chứng thư ký số: chưa thể ký số văn bản.</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="393"/>
        <source>certificate file</source>
        <translation>tệp chứng thư số</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="393"/>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="394"/>
        <source>test identity (not for real documents)</source>
        <translation>chứng thư thử nghiệm (không dùng cho văn bản thật)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="395"/>
        <source>In use: %1</source>
        <translation>Đang dùng: %1</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="397"/>
        <source>Holder: %1</source>
        <translation>Người được cấp: %1</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="398"/>
        <source>Valid until %1 (%2 days left)</source>
        <translation>Hiệu lực đến %1 (còn %2 ngày)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="401"/>
        <source>The certificate is read from the token when a document is sealed.</source>
        <translation>Chứng thư được đọc từ token khi ký số văn bản.</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="432"/>
        <source>Opening the key…</source>
        <translation>Đang mở khóa…</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="439"/>
        <source>Saved: documents are sealed with this certificate from now on.</source>
        <translation>Đã lưu: từ nay văn bản được ký số bằng chứng thư này.</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../../supervision.py" line="62"/>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="64"/>
        <location filename="../../supervision.py" line="78"/>
        <source>Review queue</source>
        <translation>Hàng chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="66"/>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="77"/>
        <source>S&amp;upervision</source>
        <translation>&amp;Giám sát</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="79"/>
        <source>Progress dashboard</source>
        <translation>Bảng tiến độ</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="81"/>
        <source>Import inventory (CSV)…</source>
        <translation>Nhập danh mục hồ sơ (CSV)…</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="83"/>
        <source>Accounts…</source>
        <translation>Tài khoản…</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="84"/>
        <source>Lock the station</source>
        <translation>Khóa trạm</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="181"/>
        <source>Locked — %1 is away</source>
        <translation>Đã khóa — %1 đang vắng mặt</translation>
    </message>
</context>
<context>
    <name>archive</name>
    <message>
        <location filename="../../archive.py" line="134"/>
        <source>The station has no archive access code — an administrator enters it in Settings → Archive</source>
        <translation>Trạm chưa có mã truy cập kho lưu trữ — quản trị viên nhập mã trong Cài đặt → Kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="137"/>
        <source>The ministry&apos;s CA file is missing — an administrator chooses it again in Settings → Archive</source>
        <translation>Thiếu tệp chứng thư CA của Bộ — quản trị viên chọn lại tệp trong Cài đặt → Kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="149"/>
        <source>The station&apos;s access code has expired — ask the archive&apos;s administrator for a new one</source>
        <translation>Mã truy cập của trạm đã hết hạn — xin quản trị viên lưu trữ cấp mã mới</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="151"/>
        <source>The archive does not accept the station&apos;s access code — ask the archive&apos;s administrator for a new one and enter it in Settings → Archive</source>
        <translation>Kho lưu trữ không chấp nhận mã truy cập của trạm — xin quản trị viên lưu trữ cấp mã mới rồi nhập trong Cài đặt → Kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="144"/>
        <source>The archive&apos;s certificate is not trusted — an administrator chooses the ministry&apos;s CA file in Settings → Archive</source>
        <translation>Chứng thư của kho lưu trữ chưa được tin cậy — quản trị viên chọn tệp CA của Bộ trong Cài đặt → Kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="159"/>
        <source>Packages waiting: —</source>
        <translation>Gói chờ gửi: —</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="161"/>
        <source>Archive: not set up — Settings → Archive</source>
        <translation>Kho lưu trữ: chưa thiết lập — vào Cài đặt → Kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="165"/>
        <source>Archive: online (last contact %1)</source>
        <translation>Kho lưu trữ: đã kết nối (liên lạc lần cuối %1)</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="167"/>
        <source>Archive: offline (last contact %1) — retrying by itself</source>
        <translation>Kho lưu trữ: mất kết nối (liên lạc lần cuối %1) — trạm tự thử lại</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="170"/>
        <source>Archive: offline — retrying by itself</source>
        <translation>Kho lưu trữ: mất kết nối — trạm tự thử lại</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="172"/>
        <source>Archive: connecting…</source>
        <translation>Kho lưu trữ: đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="174"/>
        <source>Archive: %1</source>
        <translation>Kho lưu trữ: %1</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="177"/>
        <source>Packages waiting: %1</source>
        <translation>Gói chờ gửi: %1</translation>
    </message>
    <message>
        <location filename="../../archive.py" line="179"/>
        <source>sending %1 (%2 kB)</source>
        <translation>đang gửi %1 (%2 kB)</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../window.py" line="1026"/>
        <source>Scanning station</source>
        <translation>Trạm số hóa</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <location filename="../../texts.py" line="18"/>
        <source>Processing</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="19"/>
        <source>To check</source>
        <translation>Chờ kiểm tra</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="20"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="21"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="22"/>
        <source>Sent back</source>
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="23"/>
        <source>Sealed</source>
        <translation>Đã ký và đóng gói</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="24"/>
        <source>In the archive</source>
        <translation>Đã vào kho</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="25"/>
        <source>Failed</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="32"/>
        <source>dark border</source>
        <translation>viền tối</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="33"/>
        <source>punch holes</source>
        <translation>lỗ bấm</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="34"/>
        <source>low contrast</source>
        <translation>độ tương phản thấp</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="35"/>
        <source>low resolution</source>
        <translation>độ phân giải thấp</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="36"/>
        <source>blurred</source>
        <translation>bị mờ</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="37"/>
        <source>still skewed</source>
        <translation>còn nghiêng</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="47"/>
        <source>Paper jam — remove the paper, then press Scan more</source>
        <translation>Kẹt giấy — gỡ giấy rồi bấm Quét tiếp</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="49"/>
        <source>The scanner cover is open — close it, then press Scan more</source>
        <translation>Nắp máy quét đang mở — đóng nắp rồi bấm Quét tiếp</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="51"/>
        <source>The feeder is empty — put the paper in, then press Scan</source>
        <translation>Khay nạp giấy trống — đặt giấy vào rồi bấm Quét</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="53"/>
        <source>The scanner is busy — wait a moment and try again</source>
        <translation>Máy quét đang bận — chờ một lát rồi thử lại</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="55"/>
        <source>The scanner does not answer — check its cable and power, then press Scan</source>
        <translation>Máy quét không phản hồi — kiểm tra cáp và nguồn điện rồi bấm Quét</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="57"/>
        <source>Scanner error: %1</source>
        <translation>Lỗi máy quét: %1</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="61"/>
        <source>Required</source>
        <translation>Bắt buộc nhập</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="62"/>
        <source>Not a date: enter it as dd/mm/yyyy</source>
        <translation>Không phải ngày: nhập theo dạng nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="63"/>
        <source>The date is in the future: check the date printed on the page</source>
        <translation>Ngày ở tương lai: kiểm tra ngày in trên trang</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="64"/>
        <source>Pick a value from the list</source>
        <translation>Chọn một giá trị trong danh sách</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="65"/>
        <source>Enter digits only</source>
        <translation>Chỉ nhập chữ số</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="66"/>
        <source>Too long: shorten it</source>
        <translation>Quá dài: hãy rút gọn</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="67"/>
        <source>Not a plausible year</source>
        <translation>Năm không hợp lý</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="69"/>
        <source>Enter the file code as organ id . year . file notation, e.g. 000.00.00.G03.2021.01</source>
        <translation>Nhập mã hồ sơ theo dạng mã cơ quan . năm . ký hiệu hồ sơ, ví dụ 000.00.00.G03.2021.01</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="70"/>
        <source>Re-enter this text (the keyboard sent separate accent marks)</source>
        <translation>Gõ lại nội dung này (bàn phím gửi dấu tách rời)</translation>
    </message>
    <message>
        <location filename="../../review.py" line="59"/>
        <source>changed by the operator</source>
        <translation>người nhập liệu đã sửa</translation>
    </message>
    <message>
        <location filename="../../review.py" line="60"/>
        <source>picked for checking</source>
        <translation>được chọn kiểm tra</translation>
    </message>
    <message>
        <location filename="../../review.py" line="61"/>
        <source>page check pending</source>
        <translation>chờ kiểm tra từng trang</translation>
    </message>
    <message>
        <location filename="../../review.py" line="62"/>
        <source>sent back before</source>
        <translation>đã từng bị trả lại</translation>
    </message>
    <message>
        <location filename="../../review.py" line="63"/>
        <source>uncertain text recognition</source>
        <translation>nhận dạng chữ chưa chắc chắn</translation>
    </message>
    <message>
        <location filename="../../review.py" line="64"/>
        <source>blank pages</source>
        <translation>có trang trắng</translation>
    </message>
    <message>
        <location filename="../../review.py" line="71"/>
        <source>typed by the operator</source>
        <translation>do người nhập liệu gõ</translation>
    </message>
    <message>
        <location filename="../../review.py" line="72"/>
        <source>suggestion kept</source>
        <translation>giữ theo gợi ý</translation>
    </message>
    <message>
        <location filename="../../review.py" line="73"/>
        <source>suggestion left out</source>
        <translation>bỏ gợi ý</translation>
    </message>
    <message>
        <location filename="../../review.py" line="74"/>
        <source>from the profile</source>
        <translation>theo cấu hình</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="225"/>
        <source>operator</source>
        <translation>người nhập liệu</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="226"/>
        <source>supervisor</source>
        <translation>người giám sát</translation>
    </message>
    <message>
        <location filename="../../supervision.py" line="227"/>
        <source>administrator</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="84"/>
        <source>Scanning…</source>
        <translation>Đang quét…</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="85"/>
        <source>Scanning one page…</source>
        <translation>Đang quét một trang…</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="86"/>
        <source>Stopped after %1 page(s)</source>
        <translation>Đã dừng sau %1 trang</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="87"/>
        <source>%1 page(s) scanned</source>
        <translation>Đã quét %1 trang</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="88"/>
        <source>Feeder empty after %1 page(s)</source>
        <translation>Khay nạp giấy hết sau %1 trang</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="89"/>
        <source>Scan stopped</source>
        <translation>Đã dừng quét</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="90"/>
        <source>The scanner is busy — waiting for it</source>
        <translation>Máy quét đang bận — đang chờ</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="92"/>
        <source>The scanner lacks that resolution; scanning at %1 dpi</source>
        <translation>Máy quét không có độ phân giải này; quét ở %1 dpi</translation>
    </message>
    <message>
        <location filename="../../texts.py" line="117"/>
        <source>the archive refused package %1: %2. Correct the document, confirm it again and have it approved and sealed again.</source>
        <translation>kho lưu trữ từ chối gói %1: %2. Hãy sửa tài liệu, xác nhận lại rồi trình duyệt và niêm phong lại.</translation>
    </message>
</context>
</TS>
