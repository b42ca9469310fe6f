import { describe, expect, it } from 'vitest';
import { extractJs } from './extractJs.js';

const facts = (path: string, text: string) => extractJs(path, text).facts!;

const bootstrap = `
import { NestFactory } from '@nestjs/core';
import { RequestMethod, VersioningType } from '@nestjs/common';
import { AppModule } from './app/app.module';
import { HEALTH_ROUTE } from './constants';

async function bootstrap() {
  // Read configuration first from an app that never listens.
  const configApp = await NestFactory.create(AppModule);
  await configApp.close();

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.enableVersioning({ defaultVersion: '1', type: VersioningType.URI });
  app.setGlobalPrefix('api', {
    exclude: ['sitemap.xml', { path: 'hooks/(.*)', method: RequestMethod.POST }, HEALTH_ROUTE, ...LANGUAGES.map((l) => l)],
  });
  await app.listen(3333);
}
bootstrap();
`;

describe('Nest applications', () => {
  it('records the served app: root module, global prefix, static exclusions and URI versioning', () => {
    expect(facts('apps/api/src/main.ts', bootstrap).nestApps).toEqual([
      {
        module: { specifier: './app/app.module', name: 'AppModule' },
        globalPrefix: 'api',
        prefixExclusions: [{ path: 'sitemap.xml' }, { path: 'hooks/(.*)', method: 'POST' }],
        uriVersioning: { prefix: 'v', defaultVersion: { values: ['1'], neutral: false } },
        line: 12,
      },
    ]);
  });

  it('leaves header versioning and unknown prefixes out; a custom version prefix is kept', () => {
    const source = `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.setGlobalPrefix(process.env.PREFIX);
app.enableVersioning({ type: VersioningType.HEADER, header: 'X-Version' });
const other = await NestFactory.create(OtherModule);
other.enableVersioning({ type: VersioningType.URI, prefix: 'version-', defaultVersion: [VERSION_NEUTRAL, '2'] });
`;
    expect(facts('main.ts', source).nestApps).toEqual([
      { prefixExclusions: [], line: 3 },
      {
        prefixExclusions: [],
        uriVersioning: { prefix: 'version-', defaultVersion: { values: ['2'], neutral: true } },
        line: 6,
      },
    ]);
  });

  it('stays silent on a create() that is not NestFactory', () => {
    const source =
      "import { NestFactory } from './my-factory';\nconst app = NestFactory.create(AppModule);\napp.setGlobalPrefix('api');\nconst other = Factory.create(X);";
    expect(facts('main.ts', source).nestApps).toBeUndefined();
  });

  it('reads @Version on methods and the version of @Controller({ path, version })', () => {
    const source = `
import { Controller, Get, Version, VERSION_NEUTRAL } from '@nestjs/common';
@Controller({ path: 'portfolio', version: '1' })
export class PortfolioController {
  @Get('details') details() {}
  @Get('performance') @Version('2') performance() {}
  @Version([VERSION_NEUTRAL, '3']) @Get('report') report() {}
}`;
    expect(facts('portfolio.controller.ts', source).routes.map((r) => [r.path, r.version])).toEqual([
      ['/portfolio/details', { values: ['1'], neutral: false }],
      ['/portfolio/performance', { values: ['2'], neutral: false }],
      ['/portfolio/report', { values: ['3'], neutral: true }],
    ]);
  });
});
