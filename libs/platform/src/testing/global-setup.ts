export default async function globalSetup(): Promise<void> {
  // filled in by the platform testing work: local S3 server, service checks
}
