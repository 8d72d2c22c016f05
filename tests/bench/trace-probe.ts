import { createCloudWorld } from '../support/cloud-world';
import { seedDemo } from '../support/fixtures';
import { measureUserActions } from '../support/round-trips';
async function main() {
  const world = await createCloudWorld((w) => seedDemo(w), ['c_demo', 'c_demo_2']);
  const traces: string[] = [];
  const orig = world.measure.bind(world);
  world.measure = (async (fn: never, action: never, data: never, openid: string) => {
    world.counter.trace = [];
    const r = await orig(fn, action, data, openid);
    traces.push(`== ${fn}.${action} ${r.figures.sequential}\n` + world.counter.trace.join('\n'));
    return r;
  }) as never;
  const rows = await measureUserActions(world);
  const filter = process.argv[2] ? new RegExp(process.argv[2]) : /./;
  console.log(traces.filter((t) => filter.test(t.split('\n')[0])).join('\n'));
  for (const r of rows) console.log(r.label.padEnd(36), r.figures.sequential, r.figures.total, r.figures.docsRead);
  world.close();
}
void main();
