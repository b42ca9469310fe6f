import { describe, expect, it } from 'vitest';
import { httpCallsOf, jsRepo } from '../../../test/support/jsHttpEstate.js';

/** Two Nest apps in one monorepo: the API with prefix and versioning, a back office without either. */
const apiApp = {
  'apps/api/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { VersioningType } from '@nestjs/common';
import { AppModule } from './app/app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.setGlobalPrefix('api', { exclude: ['health', 'hooks/{*path}'] });
  await app.listen(3333);
}
bootstrap();`,
  'apps/api/src/app/app.module.ts': `
import { Module } from '@nestjs/common';
import { AccountModule } from './account/account.module';
import { HealthController } from './health.controller';
// A type-only import reaches nothing at run time: the back office's controller stays out of this app.
import type { UsersController } from '../../../office/src/users.controller';
@Module({ imports: [AccountModule], controllers: [HealthController] })
export class AppModule {}`,
  'apps/api/src/app/account/account.module.ts': `
import { Module } from '@nestjs/common';
import { AccountController } from './account.controller';
@Module({ controllers: [AccountController] })
export class AccountModule {}`,
  'apps/api/src/app/account/account.controller.ts': `
import { Controller, Get, Post, Version, VERSION_NEUTRAL } from '@nestjs/common';
@Controller('account')
export class AccountController {
  @Get(':id') one() {}
  @Version('2') @Get(':id/summary') summary() {}
  @Version(VERSION_NEUTRAL) @Post('import') importAccounts() {}
}`,
  'apps/api/src/app/health.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller()
export class HealthController {
  @Get('health') health() {}
  @Get('hooks/stripe') stripe() {}
  @Get('status') status() {}
}`,
  'apps/office/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { OfficeModule } from './office.module';
const app = await NestFactory.create(OfficeModule);
await app.listen(4000);`,
  'apps/office/src/office.module.ts': `
import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
@Module({ controllers: [UsersController] })
export class OfficeModule {}`,
  'apps/office/src/users.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('users')
export class UsersController { @Get() list() {} }`,
};

const client = {
  'apps/client/src/app/account.service.ts': `
import { HttpClient } from '@angular/common/http';
import { environment } from '../environments/environment';
export class AccountService {
  constructor(private http: HttpClient) {}
  one(id: string) { return this.http.get(\`/api/v1/account/\${id}\`); }
  summary(id: string) { return this.http.get(\`\${environment.apiBaseUrl}/api/v2/account/\${id}/summary\`); }
  importAccounts() { return this.http.post('/api/account/import', {}); }
  health() { return this.http.get('/v1/health'); }
  stripe() { return this.http.get('/v1/hooks/stripe'); }
  status() { return this.http.get('/api/v1/status'); }
  users() { return this.http.get('/users'); }
  unversioned(id: string) { return this.http.get(\`/api/account/\${id}\`); }
  prefixedUsers() { return this.http.get('/api/v1/users'); }
}`,
};

describe('Nest global prefix and URI versioning', () => {
  it('serves the controllers the root module reaches under /<prefix>/v<version>, exclusions and other apps as declared', () => {
    expect(httpCallsOf(jsRepo('shop', { ...apiApp, ...client }))).toEqual([
      'apps/client/src/app/account.service.ts:6 GET /api/v1/account/{id} -> apps/api/src/app/account/account.controller.ts AccountController.one',
      'apps/client/src/app/account.service.ts:7 GET /api/v2/account/{id}/summary -> apps/api/src/app/account/account.controller.ts AccountController.summary',
      'apps/client/src/app/account.service.ts:8 POST /api/account/import -> apps/api/src/app/account/account.controller.ts AccountController.importAccounts',
      'apps/client/src/app/account.service.ts:9 GET /v1/health -> apps/api/src/app/health.controller.ts HealthController.health',
      'apps/client/src/app/account.service.ts:10 GET /v1/hooks/stripe -> apps/api/src/app/health.controller.ts HealthController.stripe',
      'apps/client/src/app/account.service.ts:11 GET /api/v1/status -> apps/api/src/app/health.controller.ts HealthController.status',
      'apps/client/src/app/account.service.ts:12 GET /users -> apps/office/src/users.controller.ts UsersController.list',
      'apps/client/src/app/account.service.ts:13 -> unmatched:GET /api/account/{}',
      'apps/client/src/app/account.service.ts:14 -> unmatched:GET /api/v1/users',
    ]);
  });
});
