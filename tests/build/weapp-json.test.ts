import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Validator, type Schema } from 'jsonschema';

/**
 * The weapp build's JSON files and both project.config.json files, validated with the schemas
 * miniprogram-ci 2.1.42 checks before an upload (tests/build/miniprogram-ci-schemas/), the way its
 * schemaValidate reads the result: a field the schema does not know is a warning, anything else an
 * error that would stop the upload.
 */
const ROOT = resolve(__dirname, '../..');
const WEAPP = join(ROOT, 'dist', 'weapp');
const SCHEMAS = join(__dirname, 'miniprogram-ci-schemas');
const schema = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, `${name}.json`), 'utf8')) as Schema;
const validator = new Validator();

function check(kind: 'app' | 'page' | 'projectconfig' | 'sitemap', file: string): { errors: string[]; unknownFields: string[] } {
  const result = validator.validate(JSON.parse(readFileSync(file, 'utf8')), schema(kind));
  const describe = (error: (typeof result.errors)[number]) => `${relative(ROOT, file)}: ${error.property} ${error.message}`;
  return { errors: result.errors.filter((error) => error.name !== 'additionalProperties').map(describe), unknownFields: result.errors.filter((error) => error.name === 'additionalProperties').map(describe) };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

describe('dist/weapp against miniprogram-ci\'s schemas', () => {
  const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[]; subpackages?: { root: string; pages: string[] }[]; sitemapLocation?: string; requiredPrivateInfos?: string[] };

  test('app.json is valid and knows no field the uploader would drop', () => {
    expect(check('app', join(WEAPP, 'app.json'))).toEqual({ errors: [], unknownFields: [] });
  });

  test('every page and component JSON is valid', () => {
    const files = jsonFiles(WEAPP).filter((file) => !['app.json', 'project.config.json', 'project.private.config.json', 'sitemap.json'].includes(relative(WEAPP, file)));
    const pages = [...app.pages, ...(app.subPackages ?? app.subpackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root.replace(/\/$/, '')}/${page}`))];
    // Every page has its JSON, and they are among the files checked.
    for (const page of pages) expect(files).toContain(join(WEAPP, `${page}.json`));
    const results = files.map((file) => check('page', file));
    expect(results.flatMap((result) => result.errors)).toEqual([]);
    expect(results.flatMap((result) => result.unknownFields)).toEqual([]);
  });

  test('sitemap.json, when the build has one, is valid', () => {
    const sitemap = join(WEAPP, app.sitemapLocation ?? 'sitemap.json');
    if (existsSync(sitemap)) expect(check('sitemap', sitemap).errors).toEqual([]);
  });

  test.each([
    ['the repository root (WeChat DevTools)', join(ROOT, 'project.config.json')],
    ['dist/weapp (what miniprogram-ci uploads)', join(WEAPP, 'project.config.json')],
  ])('project.config.json of %s is valid', (_where, file) => {
    expect(check('projectconfig', file)).toEqual({ errors: [], unknownFields: [] });
  });

  test('the checker is not empty: it catches a wrong type and an unknown field', () => {
    const wrong = validator.validate({ pages: 'pages/index/index', window: { navigationBarTextStyle: 'red' } }, schema('app')).errors;
    expect(wrong.map((error) => error.property)).toEqual(expect.arrayContaining(['instance.pages', 'instance.window.navigationBarTextStyle']));
    expect(wrong.every((error) => error.name !== 'additionalProperties')).toBe(true);
    expect(validator.validate({ pages: [], requiredPrivateInfo: [] }, schema('app')).errors.map((error) => error.name)).toContain('additionalProperties');
  });

  test('requiredPrivateInfos declares exactly the private location APIs the app calls', () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : /\.(ts|tsx)$/.test(name) ? [join(dir, name)] : []));
    const code = walk(join(ROOT, 'src')).map((file) => readFileSync(file, 'utf8')).join('\n');
    const privateApis = ['getLocation', 'chooseLocation', 'choosePoi', 'chooseAddress', 'getFuzzyLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground'];
    const called = privateApis.filter((api) => new RegExp(`Taro\\.${api}\\(`).test(code));
    expect(called).toEqual(['getLocation']);
    expect([...(app.requiredPrivateInfos ?? [])].sort()).toEqual([...called].sort());
  });
});
