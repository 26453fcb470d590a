export default function PackPage({ id }: { id: string }) {
  return <div>{id}</div>;
}
