var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
const toBoolean = ({ value }) => typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
/** Every environment variable Pressroom reads, with its default. README documents each. */
export class Env {
    NODE_ENV = 'development';
    PORT = 3000;
    /** PostgreSQL to use; when unset, an embedded server keeps its data under DATA_DIR. */
    DATABASE_URL;
    DATA_DIR;
    DATABASE_POOL_SIZE = 10;
    /** Import the bundled sample posts when the database has no article. */
    SEED_SAMPLE_POSTS = true;
    /** IANA zone for front-matter dates given without an offset. */
    IMPORT_TIME_ZONE = 'UTC';
    GRAPHQL_INTROSPECTION = true;
    GRAPHQL_IDE = true;
    /** Seconds a shared cache may keep an anonymous GraphQL response. */
    CACHE_MAX_AGE = 60;
    LOG_LEVEL = 'log';
}
__decorate([
    IsOptional(),
    IsIn(['development', 'production', 'test']),
    __metadata("design:type", String)
], Env.prototype, "NODE_ENV", void 0);
__decorate([
    Transform(({ value }) => Number(value)),
    IsInt(),
    Min(0),
    Max(65535),
    __metadata("design:type", Object)
], Env.prototype, "PORT", void 0);
__decorate([
    IsOptional(),
    Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgresql:// URL' }),
    __metadata("design:type", String)
], Env.prototype, "DATABASE_URL", void 0);
__decorate([
    IsOptional(),
    IsString(),
    __metadata("design:type", String)
], Env.prototype, "DATA_DIR", void 0);
__decorate([
    Transform(({ value }) => Number(value)),
    IsInt(),
    Min(1),
    Max(200),
    __metadata("design:type", Object)
], Env.prototype, "DATABASE_POOL_SIZE", void 0);
__decorate([
    Transform(toBoolean),
    IsBoolean(),
    __metadata("design:type", Object)
], Env.prototype, "SEED_SAMPLE_POSTS", void 0);
__decorate([
    IsString(),
    __metadata("design:type", Object)
], Env.prototype, "IMPORT_TIME_ZONE", void 0);
__decorate([
    Transform(toBoolean),
    IsBoolean(),
    __metadata("design:type", Object)
], Env.prototype, "GRAPHQL_INTROSPECTION", void 0);
__decorate([
    Transform(toBoolean),
    IsBoolean(),
    __metadata("design:type", Object)
], Env.prototype, "GRAPHQL_IDE", void 0);
__decorate([
    Transform(({ value }) => Number(value)),
    IsInt(),
    Min(0),
    __metadata("design:type", Object)
], Env.prototype, "CACHE_MAX_AGE", void 0);
__decorate([
    IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']),
    __metadata("design:type", String)
], Env.prototype, "LOG_LEVEL", void 0);
/** Parses and checks the environment; a bad value stops the boot with every problem listed. */
export function validateEnv(raw) {
    const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
    const env = plainToInstance(Env, present, { exposeDefaultValues: true });
    const errors = validateSync(env, { skipMissingProperties: false });
    if (errors.length) {
        const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
        throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
    }
    return env;
}
//# sourceMappingURL=env.schema.js.map