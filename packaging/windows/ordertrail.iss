; Inno Setup 6 script (UTF-8 with a byte-order mark, for the Chinese names): the Windows installer of the bundle built by packaging/ordertrail.spec.
;
;   uv run pyinstaller packaging/ordertrail.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\ordertrail.iss      -> dist\OrderTrail-0.1.0-setup.exe
;
; It installs for the current user without administrator rights, or for every user of
; the machine when started as an administrator (setup asks). The database, its upgrade
; backups, the settings and the logs live in the user's data folder
; (%LOCALAPPDATA%\OrderTrail), never in the program folder: neither an upgrade nor an
; uninstall touches them, because this script installs and removes program files only.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Bundle "..\..\dist\OrderTrail"

[Setup]
; The same AppId for every version: a new setup upgrades the installed program in place.
AppId={{5B0E3C1A-7F7D-4B7E-9C52-2E8C1F4A6D31}
AppName=OrderTrail 采销订单跟踪
AppVersion={#AppVersion}
AppVerName=OrderTrail {#AppVersion}
AppPublisher=OrderTrail
DefaultDirName={autopf}\OrderTrail
DefaultGroupName=OrderTrail
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=OrderTrail-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\ordertrail.ico
UninstallDisplayIcon={app}\ordertrailw.exe
UninstallDisplayName=OrderTrail {#AppVersion}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
; A running OrderTrail is closed before its files are replaced.
CloseApplications=yes
; Associates no file types: the program opens its database itself.
ChangesAssociations=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Program files of the version being replaced (nothing of the user's lives here).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; ordertrailw.exe is the window without a console; ordertrail.exe is the command line.
Name: "{autoprograms}\OrderTrail 采销订单跟踪"; Filename: "{app}\ordertrailw.exe"; AppUserModelID: "OrderTrail.OrderTrail"
Name: "{autodesktop}\OrderTrail 采销订单跟踪"; Filename: "{app}\ordertrailw.exe"; AppUserModelID: "OrderTrail.OrderTrail"; Tasks: desktopicon

[Run]
Filename: "{app}\ordertrailw.exe"; Description: "{cm:LaunchProgram,OrderTrail}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Registry] section, on purpose: uninstalling removes what
; setup installed and nothing else.
