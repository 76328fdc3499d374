import { backends } from './backends';

export default function globalSetup(): void {
  const ran = backends();
  const why = process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL is set' : 'set TEST_DATABASE_URL to add PostgreSQL';
  process.stdout.write(`\nDatabase tests run against: ${ran.join(' + ')} (${why})\n`);
}
