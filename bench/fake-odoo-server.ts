// Serves the fake Odoo on loopback in a process of its own, so its records never count in the
// client's heap. Seeds `records` extra partners, prints the URL, and runs until killed.
import { serveFakeOdoo } from '@crossdock/testing';

const records = Number(process.argv[2] ?? 0);
const served = await serveFakeOdoo({ version: 18 });
const batch = 5_000;
for (let done = 0; done < records; done += batch) {
  const vals = Array.from({ length: Math.min(batch, records - done) }, (_, index) => ({
    name: `Bench partner ${done + index}`,
  }));
  served.engine.execute({
    model: 'res.partner',
    method: 'create',
    style: 'positional',
    args: [vals],
    kwargs: {},
    uid: 2,
  });
}
process.stdout.write(`${served.url}\n`);
