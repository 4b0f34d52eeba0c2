import { SearchField } from '../../components/search-field';

/** The service-account search; the scan or the server query starts once typing pauses. */
export function SearchBox({
  value,
  onSearch,
  wide = false,
}: {
  value: string;
  onSearch: (query: string) => void;
  /** The server also searches descriptions and client_ids (service_account_query). */
  wide?: boolean;
}) {
  return (
    <SearchField
      value={value}
      onSearch={onSearch}
      label="Search service accounts by name or ID"
      placeholder={wide ? 'Search by name, description, ID or client ID…' : 'Search by name or ID…'}
      clearOnEscape
    />
  );
}
