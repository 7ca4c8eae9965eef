export default async function globalTeardown(): Promise<void> {
  // filled in by the platform testing work
}
