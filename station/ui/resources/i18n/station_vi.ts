<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
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
        <location filename="../../login.py" line="43"/>
        <source>Create the first administrator</source>
        <translation>Tạo tài khoản quản trị đầu tiên</translation>
    </message>
    <message>
        <location filename="../../login.py" line="43"/>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../login.py" line="48"/>
        <source>This station has no accounts yet. Create the administrator&apos;s account; the administrator then creates the operators&apos; and supervisors&apos; accounts with the command station user add.</source>
        <translation>Trạm chưa có tài khoản nào. Hãy tạo tài khoản quản trị; sau đó người quản trị tạo tài khoản cho nhân viên số hóa và người kiểm duyệt bằng lệnh station user add.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="55"/>
        <source>Name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../login.py" line="56"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../login.py" line="61"/>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../login.py" line="81"/>
        <source>The two passwords differ; type them again.</source>
        <translation>Hai mật khẩu không khớp; hãy nhập lại.</translation>
    </message>
    <message>
        <location filename="../../login.py" line="110"/>
        <source>Checking the password…</source>
        <translation>Đang kiểm tra mật khẩu…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../window.py" line="76"/>
        <source>Scanning station</source>
        <translation>Trạm số hóa</translation>
    </message>
    <message>
        <location filename="../../window.py" line="132"/>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location filename="../../window.py" line="133"/>
        <source>Scan more</source>
        <translation>Quét tiếp</translation>
    </message>
    <message>
        <location filename="../../window.py" line="134"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../window.py" line="136"/>
        <location filename="../../window.py" line="348"/>
        <source>Import files…</source>
        <translation>Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="137"/>
        <source>Import folder…</source>
        <translation>Nhập thư mục…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="139"/>
        <source>Turn left</source>
        <translation>Xoay trái</translation>
    </message>
    <message>
        <location filename="../../window.py" line="140"/>
        <source>Turn right</source>
        <translation>Xoay phải</translation>
    </message>
    <message>
        <location filename="../../window.py" line="141"/>
        <source>Mark blank / keep</source>
        <translation>Đánh dấu trang trắng / giữ lại</translation>
    </message>
    <message>
        <location filename="../../window.py" line="142"/>
        <source>Remove page</source>
        <translation>Bỏ trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="143"/>
        <source>Restore removed page</source>
        <translation>Lấy lại trang đã bỏ</translation>
    </message>
    <message>
        <location filename="../../window.py" line="145"/>
        <source>Rescan this page</source>
        <translation>Quét lại trang này</translation>
    </message>
    <message>
        <location filename="../../window.py" line="146"/>
        <source>Insert pages from files…</source>
        <translation>Chèn trang từ tệp…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="147"/>
        <source>Split document here</source>
        <translation>Tách văn bản tại đây</translation>
    </message>
    <message>
        <location filename="../../window.py" line="148"/>
        <source>Merge with next document</source>
        <translation>Gộp với văn bản sau</translation>
    </message>
    <message>
        <location filename="../../window.py" line="149"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../window.py" line="150"/>
        <source>Move page left</source>
        <translation>Chuyển trang sang trái</translation>
    </message>
    <message>
        <location filename="../../window.py" line="152"/>
        <source>Move page right</source>
        <translation>Chuyển trang sang phải</translation>
    </message>
    <message>
        <location filename="../../window.py" line="154"/>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../window.py" line="156"/>
        <source>Next document</source>
        <translation>Văn bản sau</translation>
    </message>
    <message>
        <location filename="../../window.py" line="158"/>
        <source>Previous document</source>
        <translation>Văn bản trước</translation>
    </message>
    <message>
        <location filename="../../window.py" line="160"/>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <location filename="../../window.py" line="162"/>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <location filename="../../window.py" line="164"/>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="165"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../window.py" line="166"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../window.py" line="167"/>
        <source>Show original</source>
        <translation>Xem bản gốc</translation>
    </message>
    <message>
        <location filename="../../window.py" line="169"/>
        <source>Show OCR words</source>
        <translation>Hiện khung chữ OCR</translation>
    </message>
    <message>
        <location filename="../../window.py" line="171"/>
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="172"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../window.py" line="175"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../window.py" line="178"/>
        <source>&amp;Scan</source>
        <translation>&amp;Quét</translation>
    </message>
    <message>
        <location filename="../../window.py" line="181"/>
        <source>&amp;Pages</source>
        <translation>T&amp;rang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="185"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../window.py" line="191"/>
        <source>Scanning</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location filename="../../window.py" line="196"/>
        <source>Scanner:</source>
        <translation>Máy quét:</translation>
    </message>
    <message>
        <location filename="../../window.py" line="203"/>
        <source>Profile:</source>
        <translation>Cấu hình quét:</translation>
    </message>
    <message>
        <location filename="../../window.py" line="215"/>
        <location filename="../../window.py" line="368"/>
        <location filename="../../window.py" line="883"/>
        <source>Scanner ready</source>
        <translation>Máy quét sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../window.py" line="218"/>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="249"/>
        <source>All batches</source>
        <translation>Tất cả các lô</translation>
    </message>
    <message>
        <location filename="../../window.py" line="313"/>
        <location filename="../../window.py" line="808"/>
        <source>Confirm and go to the next (Ctrl+Enter)</source>
        <translation>Xác nhận và sang văn bản sau (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../window.py" line="327"/>
        <source>Welcome to the scanning station</source>
        <translation>Chào mừng đến với trạm số hóa</translation>
    </message>
    <message>
        <location filename="../../window.py" line="331"/>
        <source>&lt;ol&gt;&lt;li&gt;Choose a scanner and a profile above. Until a scanner is set up, the &lt;b&gt;demo scanner&lt;/b&gt; feeds sample pages so you can try everything.&lt;/li&gt;&lt;li&gt;Put the paper in and press &lt;b&gt;Scan&lt;/b&gt; (F5), or drop image and PDF files on this window.&lt;/li&gt;&lt;li&gt;Pages appear as they arrive; cleanup and text recognition run in the background.&lt;/li&gt;&lt;li&gt;Check the pages, correct the fields on the right (suggestions are coloured by confidence) and press &lt;b&gt;Ctrl+Enter&lt;/b&gt; to confirm and go to the next document.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Chọn máy quét và cấu hình quét ở trên. Khi chưa cài máy quét, &lt;b&gt;máy quét mẫu&lt;/b&gt; sẽ đưa vào các trang mẫu để bạn dùng thử mọi chức năng.&lt;/li&gt;&lt;li&gt;Đặt giấy vào rồi bấm &lt;b&gt;Quét&lt;/b&gt; (F5), hoặc kéo thả tệp ảnh, PDF vào cửa sổ này.&lt;/li&gt;&lt;li&gt;Các trang hiện ra ngay khi được quét; việc làm sạch và nhận dạng chữ chạy ngầm.&lt;/li&gt;&lt;li&gt;Kiểm tra các trang, sửa các trường bên phải (gợi ý được tô màu theo độ tin cậy) rồi bấm &lt;b&gt;Ctrl+Enter&lt;/b&gt; để xác nhận và sang văn bản sau.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../../window.py" line="344"/>
        <source>Try the demo scanner</source>
        <translation>Quét thử bằng máy quét mẫu</translation>
    </message>
    <message>
        <location filename="../../window.py" line="358"/>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="360"/>
        <location filename="../../window.py" line="484"/>
        <source>Pipeline: idle</source>
        <translation>Xử lý: không có việc chờ</translation>
    </message>
    <message>
        <location filename="../../window.py" line="363"/>
        <source>Archive: not configured</source>
        <translation>Kho lưu trữ: chưa cấu hình</translation>
    </message>
    <message>
        <location filename="../../window.py" line="364"/>
        <source>Packages waiting: not configured</source>
        <translation>Gói chờ gửi: chưa cấu hình</translation>
    </message>
    <message>
        <location filename="../../workers.py" line="430"/>
        <source>Unexpected error: %1</source>
        <translation>Lỗi không lường trước: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="381"/>
        <source>Scanner: %1</source>
        <translation>Máy quét: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="476"/>
        <source>%1 documents</source>
        <translation>%1 văn bản</translation>
    </message>
    <message>
        <location filename="../../window.py" line="481"/>
        <source>Waiting: %1 for cleanup, %2 for OCR</source>
        <translation>Đang chờ: %1 trang làm sạch, %2 trang nhận dạng chữ</translation>
    </message>
    <message>
        <location filename="../../window.py" line="559"/>
        <source>Sent back: %1</source>
        <translation>Bị trả lại: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="561"/>
        <source>Processing failed: %1</source>
        <translation>Xử lý không thành công: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="563"/>
        <source>The pages are being cleaned and read; the fields fill in when they are done.</source>
        <translation>Các trang đang được làm sạch và nhận dạng chữ; các trường sẽ được điền khi xong.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="611"/>
        <source>No page</source>
        <translation>Chưa có trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="620"/>
        <source>blank page, kept</source>
        <translation>trang trắng, được giữ lại</translation>
    </message>
    <message>
        <location filename="../../window.py" line="620"/>
        <source>blank page, left out</source>
        <translation>trang trắng, không đưa vào PDF</translation>
    </message>
    <message>
        <location filename="../../window.py" line="622"/>
        <source>original — cleanup pending</source>
        <translation>bản gốc — đang chờ làm sạch</translation>
    </message>
    <message>
        <location filename="../../window.py" line="714"/>
        <source>The bin of this document is empty.</source>
        <translation>Thùng rác của văn bản này đang trống.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="734"/>
        <source>There is no next document to merge with.</source>
        <translation>Không có văn bản sau để gộp.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="745"/>
        <source>Undone: %1</source>
        <translation>Đã hoàn tác: %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="757"/>
        <source>Insert pages</source>
        <translation>Chèn trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="758"/>
        <location filename="../../window.py" line="902"/>
        <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>Ảnh và PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../../window.py" line="779"/>
        <source>Not confirmed: correct the fields marked in red.</source>
        <translation>Chưa xác nhận: hãy sửa các trường báo đỏ.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="786"/>
        <source>Confirmed.</source>
        <translation>Đã xác nhận.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="807"/>
        <source>Confirming…</source>
        <translation>Đang xác nhận…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="819"/>
        <source>(not answering)</source>
        <translation>(không phản hồi)</translation>
    </message>
    <message>
        <location filename="../../window.py" line="835"/>
        <source>Scanning page %1</source>
        <translation>Đang quét trang %1</translation>
    </message>
    <message>
        <location filename="../../window.py" line="845"/>
        <source>Scanning…</source>
        <translation>Đang quét…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="866"/>
        <source>%1 page(s) received</source>
        <translation>Đã nhận %1 trang</translation>
    </message>
    <message>
        <location filename="../../window.py" line="872"/>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <location filename="../../window.py" line="901"/>
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <location filename="../../window.py" line="907"/>
        <source>Import a folder</source>
        <translation>Nhập thư mục</translation>
    </message>
    <message>
        <location filename="../../window.py" line="916"/>
        <source>Imported %1 document(s); %2 file(s) refused.</source>
        <translation>Đã nhập %1 văn bản; %2 tệp bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../window.py" line="921"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
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
    <name>SettingsDialog</name>
    <message>
        <location filename="../../settings.py" line="43"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="48"/>
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="49"/>
        <source>Scanners</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="50"/>
        <source>Scan profiles</source>
        <translation>Cấu hình quét</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="54"/>
        <source>All settings</source>
        <translation>Tất cả cài đặt</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="61"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="62"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="68"/>
        <location filename="../../settings.py" line="162"/>
        <source>Locked by the administrator</source>
        <translation>Bị quản trị viên khóa</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="80"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="83"/>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="51"/>
        <source>Archive</source>
        <translation>Kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="53"/>
        <source>Signing</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="84"/>
        <source>A new language applies at once, in every open window.</source>
        <translation>Ngôn ngữ mới được áp dụng ngay, trên mọi cửa sổ đang mở.</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="92"/>
        <source>Network scanners added by address (for networks where they are not found by themselves):</source>
        <translation>Máy quét mạng thêm theo địa chỉ (cho mạng không tự tìm thấy):</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="101"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="103"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="145"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="145"/>
        <source>Resolution</source>
        <translation>Độ phân giải</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="145"/>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="145"/>
        <source>Source</source>
        <translation>Nguồn giấy</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="146"/>
        <source>Page size</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="146"/>
        <source>Split</source>
        <translation>Tách văn bản</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="171"/>
        <source>Archive address</source>
        <translation>Địa chỉ kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="171"/>
        <source>not configured</source>
        <translation>chưa cấu hình</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="172"/>
        <source>Archive token</source>
        <translation>Mã truy cập kho</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="172"/>
        <source>not configured (kept in the system keyring once set)</source>
        <translation>chưa cấu hình (khi đặt sẽ được giữ trong kho khóa của hệ thống)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="178"/>
        <source>Setting</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="178"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="178"/>
        <source>Set by</source>
        <translation>Do ai đặt</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="186"/>
        <source>administrator (locked)</source>
        <translation>quản trị viên (khóa)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>you</source>
        <translation>bạn</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="190"/>
        <source>default</source>
        <translation>mặc định</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="214"/>
        <source>%1: not a valid value</source>
        <translation>%1: giá trị không hợp lệ</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../settings.py" line="263"/>
        <source>Certificate file (PKCS#12: .p12, .pfx)</source>
        <translation>Tệp chứng thư số (PKCS#12: .p12, .pfx)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="265"/>
        <source>USB token or smart card (PKCS#11)</source>
        <translation>USB token hoặc thẻ thông minh (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="272"/>
        <location filename="../../settings.py" line="348"/>
        <source>Certificate file</source>
        <translation>Tệp chứng thư số</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="276"/>
        <location filename="../../settings.py" line="294"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="281"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="285"/>
        <source>Passphrase</source>
        <translation>Mật khẩu tệp</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="286"/>
        <source>The passphrase is kept in the system keyring, never in a file.</source>
        <translation>Mật khẩu được giữ trong kho khóa của hệ thống, không bao giờ ghi ra tệp.</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="289"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="299"/>
        <location filename="../../settings.py" line="354"/>
        <source>Driver library</source>
        <translation>Thư viện trình điều khiển</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="302"/>
        <source>Token label</source>
        <translation>Nhãn token</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="305"/>
        <source>Key label</source>
        <translation>Nhãn khóa</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="309"/>
        <source>PIN (to read the certificate now; not kept)</source>
        <translation>Mã PIN (để đọc chứng thư ngay; không được lưu)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="312"/>
        <source>Use this certificate</source>
        <translation>Dùng chứng thư này</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="337"/>
        <source>Locked by the administrator</source>
        <translation>Bị quản trị viên khóa</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="349"/>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>Tệp PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="354"/>
        <source>Libraries (*.so *.dll)</source>
        <translation>Thư viện (*.so *.dll)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="368"/>
        <source>No signing certificate is set up: documents cannot be sealed yet.</source>
        <translation>Chưa có chứng thư ký số: chưa thể ký số văn bản.</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="370"/>
        <source>certificate file</source>
        <translation>tệp chứng thư số</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="370"/>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="371"/>
        <source>test identity (not for real documents)</source>
        <translation>chứng thư thử nghiệm (không dùng cho văn bản thật)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="372"/>
        <source>In use: %1</source>
        <translation>Đang dùng: %1</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="374"/>
        <source>Holder: %1</source>
        <translation>Người được cấp: %1</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="375"/>
        <source>Valid until %1 (%2 days left)</source>
        <translation>Hiệu lực đến %1 (còn %2 ngày)</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="378"/>
        <source>The certificate is read from the token when a document is sealed.</source>
        <translation>Chứng thư được đọc từ token khi ký số văn bản.</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="409"/>
        <source>Opening the key…</source>
        <translation>Đang mở khóa…</translation>
    </message>
    <message>
        <location filename="../../settings.py" line="420"/>
        <source>Saved: documents are sealed with this certificate from now on.</source>
        <translation>Đã lưu: từ nay văn bản được ký số bằng chứng thư này.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../window.py" line="958"/>
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
</context>
</TS>
