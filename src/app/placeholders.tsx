// TEMPORARY placeholders for exports other features have not published yet.
// Each is replaced by the real import as soon as it exists; see the checks in the report.

export function OrgSwitcher() {
  return <span className="app-header__placeholder">[OrgSwitcher placeholder]</span>;
}


export function Placeholder({ name }: { name: string }) {
  return <p className="app-header__placeholder">[{name} placeholder: not published yet]</p>;
}
