; Inno Setup 6 script: makes ShopDesk-Setup-<version>.exe from dist\ShopDesk (see installer/build.py).
#define AppVersion "0.1.0"

[Setup]
AppId={{6B1B8E02-3C55-4B7E-9D8A-5E0C2A7F51D3}
AppName=ShopDesk
AppVersion={#AppVersion}
AppPublisher=ShopDesk
DefaultDirName={autopf}\ShopDesk
DefaultGroupName=ShopDesk
OutputDir=..\dist
OutputBaseFilename=ShopDesk-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern
SetupIconFile=shopdesk.ico
UninstallDisplayIcon={app}\shopdesk.exe

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\ShopDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ShopDesk"; Filename: "{app}\shopdesk.exe"
Name: "{autodesktop}\ShopDesk"; Filename: "{app}\shopdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\shopdesk.exe"; Description: "{cm:LaunchProgram,ShopDesk}"; Flags: nowait postinstall skipifsilent
