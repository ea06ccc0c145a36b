; The station's Windows installer (Inno Setup 6). Built by .github/workflows/windows.yml:
;   1. pyinstaller installers/station.spec      -> dist\station\ (station.exe, stationw.exe, _internal\)
;   2. python installers/windows/fetch_tools.py -> build\windows\ (tesseract\, poppler\bin\, twain\)
;   3. ISCC /DAppVersion=X installers\windows\station.iss -> dist\installer\station-setup-X.exe
; Everything is inside the setup file: an office installs from a USB stick with no network.
;
; Settings: the station reads machine settings from C:\ProgramData\station\settings.json
; (station/config.py: platformdirs' site_config_dir), and every key written there is locked for
; the users of this computer. The wizard's "settings for every user" page, or the command-line
; parameters /LOCKLANG=vi|en and /ARCHIVEURL=https://..., write it; an existing file (an earlier
; install, a group policy) is never overwritten. Users' own data stays in %LOCALAPPDATA%\station.
; The uninstaller keeps both unless the administrator says otherwise (a question, or /REMOVEDATA=1
; for a silent uninstall).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Dist "..\..\dist\station"
#define Tools "..\..\build\windows"
#define Icon "..\..\build\station.ico"

[Setup]
AppId={{5B0E7F3C-2D4A-4C59-9A57-3E1B8C6D2F10}
AppName=MOET Station
AppVersion={#AppVersion}
AppVerName=MOET Station {#AppVersion}
AppPublisher=Ministry of Education and Training (Bộ Giáo dục và Đào tạo)
DefaultDirName={autopf}\MOET Station
DefaultGroupName=MOET Station
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=station-setup-{#AppVersion}
SetupIconFile={#Icon}
UninstallDisplayIcon={app}\station.exe
UninstallDisplayName=MOET Station
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
MinVersion=10.0

[Languages]
; Inno Setup ships no Vietnamese wizard; the station's own texts below are in both languages.
Name: "vi"; MessagesFile: "compiler:Default.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.AppTitle=Trạm số hoá tài liệu
en.AppTitle=Scanning Station
vi.DoctorTitle=Kiểm tra trạm (station doctor)
en.DoctorTitle=Check the station (station doctor)
vi.SettingsCaption=Cài đặt cho mọi người dùng
en.SettingsCaption=Settings for every user
vi.SettingsDescription=Các cài đặt được chọn ở đây bị khoá: người dùng máy này không đổi được.
en.SettingsDescription=Settings chosen here are locked: the users of this computer cannot change them.
vi.LockLanguage=Khoá ngôn ngữ giao diện:
en.LockLanguage=Lock the interface language to:
vi.ArchiveUrl=Địa chỉ kho lưu trữ (để trống nếu chưa có):
en.ArchiveUrl=Address of the archive (leave empty if there is none yet):
vi.SettingsExist=Máy này đã có tệp cài đặt chung %1; tệp này được giữ nguyên.
en.SettingsExist=This computer already has machine settings in %1; they are kept as they are.
vi.RemoveData=Xoá cả dữ liệu của trạm (tài liệu, cơ sở dữ liệu, gói lưu trữ trong %1) và cài đặt chung của máy? Chọn Không để giữ lại (nên chọn).
en.RemoveData=Also delete the station's data (documents, database and packages in %1) and the machine settings? Choose No to keep them (recommended).
vi.TwainComponent=Trình quản lý nguồn TWAIN (khi máy chưa có)
en.TwainComponent=TWAIN data source manager (when missing)

[InstallDelete]
; An upgrade replaces the program folder whole, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Tools}\tesseract\*"; DestDir: "{app}\tesseract"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Tools}\poppler\bin\*"; DestDir: "{app}\poppler\bin"; Flags: ignoreversion recursesubdirs createallsubdirs
; The 64-bit TWAIN DSM goes to System32 only when Windows has none; it is shared, never uninstalled.
Source: "{#Tools}\twain\TWAINDSM.dll"; DestDir: "{sys}"; Flags: onlyifdoesntexist uninsneveruninstall sharedfile; Check: not TwainDsmPresent

[Dirs]
; The machine settings folder: written by administrators, read by everyone.
Name: "{commonappdata}\station"; Flags: uninsneveruninstall

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\stationw.exe"; WorkingDir: "{app}"; IconFilename: "{app}\station.exe"
Name: "{group}\{cm:DoctorTitle}"; Filename: "{cmd}"; Parameters: "/k ""{app}\station.exe"" doctor"; WorkingDir: "{app}"; IconFilename: "{app}\station.exe"
Name: "{group}\{cm:UninstallProgram,{cm:AppTitle}}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\stationw.exe"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  SettingsPage: TWizardPage;
  LanguageLock: TNewCheckBox;
  LanguageBox: TNewComboBox;
  ArchiveEdit: TNewEdit;

function MachineSettingsFile(): String;
begin
  Result := ExpandConstant('{commonappdata}\station\settings.json');
end;

function TwainDsmPresent(): Boolean;
begin
  Result := FileExists(ExpandConstant('{sys}\TWAINDSM.dll'));
end;

function JsonString(Value: String): String;
begin
  StringChangeEx(Value, '\', '\\', True);
  StringChangeEx(Value, '"', '\"', True);
  Result := '"' + Value + '"';
end;

procedure InitializeWizard();
var
  Note: TNewStaticText;
  UrlLabel: TNewStaticText;
begin
  SettingsPage := CreateCustomPage(wpSelectTasks, CustomMessage('SettingsCaption'), CustomMessage('SettingsDescription'));
  if FileExists(MachineSettingsFile()) then
  begin
    Note := TNewStaticText.Create(SettingsPage);
    Note.Parent := SettingsPage.Surface;
    Note.Caption := FmtMessage(CustomMessage('SettingsExist'), [MachineSettingsFile()]);
    Note.WordWrap := True;
    Note.Width := SettingsPage.SurfaceWidth;
    exit;
  end;
  LanguageLock := TNewCheckBox.Create(SettingsPage);
  LanguageLock.Parent := SettingsPage.Surface;
  LanguageLock.Caption := CustomMessage('LockLanguage');
  LanguageLock.Width := SettingsPage.SurfaceWidth div 2;
  LanguageBox := TNewComboBox.Create(SettingsPage);
  LanguageBox.Parent := SettingsPage.Surface;
  LanguageBox.Style := csDropDownList;
  LanguageBox.Left := SettingsPage.SurfaceWidth div 2;
  LanguageBox.Items.Add('Tiếng Việt (vi)');
  LanguageBox.Items.Add('English (en)');
  LanguageBox.ItemIndex := 0;
  UrlLabel := TNewStaticText.Create(SettingsPage);
  UrlLabel.Parent := SettingsPage.Surface;
  UrlLabel.Top := LanguageBox.Top + LanguageBox.Height + ScaleY(16);
  UrlLabel.Caption := CustomMessage('ArchiveUrl');
  ArchiveEdit := TNewEdit.Create(SettingsPage);
  ArchiveEdit.Parent := SettingsPage.Surface;
  ArchiveEdit.Top := UrlLabel.Top + UrlLabel.Height + ScaleY(4);
  ArchiveEdit.Width := SettingsPage.SurfaceWidth;
  // Unattended installs (group policy, a script): the same choices as parameters.
  if ExpandConstant('{param:LOCKLANG|}') <> '' then
  begin
    LanguageLock.Checked := True;
    if ExpandConstant('{param:LOCKLANG|}') = 'en' then LanguageBox.ItemIndex := 1;
  end;
  ArchiveEdit.Text := ExpandConstant('{param:ARCHIVEURL|}');
end;

procedure WriteMachineSettings();
var
  Lines: String;
begin
  if FileExists(MachineSettingsFile()) or (LanguageLock = nil) then exit;
  Lines := '';
  if LanguageLock.Checked then
  begin
    if LanguageBox.ItemIndex = 1 then Lines := '  "ui.language": "en"'
    else Lines := '  "ui.language": "vi"';
  end;
  if Trim(ArchiveEdit.Text) <> '' then
  begin
    if Lines <> '' then Lines := Lines + ',' + #13#10;
    Lines := Lines + '  "remote.url": ' + JsonString(Trim(ArchiveEdit.Text));
  end;
  if Lines = '' then exit;
  ForceDirectories(ExtractFileDir(MachineSettingsFile()));
  SaveStringToFile(MachineSettingsFile(), '{' + #13#10 + Lines + #13#10 + '}' + #13#10, False);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then WriteMachineSettings();
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  UserData: String;
  Remove: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then exit;
  UserData := ExpandConstant('{localappdata}\station');
  if UninstallSilent() then
    Remove := ExpandConstant('{param:REMOVEDATA|0}') = '1'
  else
    Remove := MsgBox(FmtMessage(CustomMessage('RemoveData'), [UserData]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if Remove then
  begin
    DelTree(UserData, True, True, True);
    DelTree(ExpandConstant('{commonappdata}\station'), True, True, True);
  end;
end;
