import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../../model/api-key.entity';
import { ApiKeyRole } from '../../domain/enums';
import { DomainError, ErrorCode } from '../../domain/errors';
import { Principal } from '../../domain/principal';
import type { CommunityPubSub } from '../../pubsub/pubsub';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export interface CreatedApiKey {
  key: ApiKeyEntity;
  /** The only time the secret exists outside the caller's hands; it is never stored. */
  secret: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export class ApiKeyService {
  /** With a pub/sub, a revocation is announced (API_KEY_REVOKED) so every replica closes the key's sockets. */
  constructor(private readonly db: DataSource, private readonly pubsub?: CommunityPubSub) {}

  async create(input: { role: ApiKeyRole; partnerId?: string | null; label: string }, now = new Date()): Promise<CreatedApiKey> {
    if (input.role === ApiKeyRole.PARTNER && !input.partnerId) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'A PARTNER key must name its partner.');
    }
    const secret = `cg_${randomBytes(24).toString('base64url')}`;
    const key = this.db.getRepository(ApiKeyEntity).create({
      id: randomUUID(),
      keyHash: hashSecret(secret),
      role: input.role,
      partnerId: input.role === ApiKeyRole.PARTNER ? input.partnerId ?? null : null,
      label: input.label,
      createdAt: now,
      revokedAt: null,
    });
    await this.db.getRepository(ApiKeyEntity).insert(key);
    return { key, secret };
  }

  /** Resolves an `Authorization` header; a header that is present but wrong is an error, never PUBLIC. */
  async authenticate(authorization: string): Promise<Principal> {
    const match = BEARER.exec(authorization);
    if (!match) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The Authorization header must be "Bearer <api key>".');
    }
    const key = await this.db.getRepository(ApiKeyEntity).findOneBy({ keyHash: hashSecret(match[1]) });
    if (!key || key.revokedAt) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The API key is unknown or revoked.');
    if (key.role === ApiKeyRole.PARTNER && key.partnerId) {
      return { role: ApiKeyRole.PARTNER, keyId: key.id, partnerId: key.partnerId };
    }
    return { role: ApiKeyRole.ADMIN, keyId: key.id };
  }

  /** Whether the key still exists unrevoked: the per-frame re-check of open sockets (src/edge/active-keys.ts). */
  async isActive(keyId: string): Promise<boolean> {
    const key = await this.db.getRepository(ApiKeyEntity).findOne({ select: { id: true, revokedAt: true }, where: { id: keyId } });
    return Boolean(key && !key.revokedAt);
  }

  /** Every key, newest first; secrets are not stored, so none can be shown. */
  list(): Promise<ApiKeyEntity[]> {
    return this.db.getRepository(ApiKeyEntity).find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /**
   * Revokes a key at once: the next request with it is UNAUTHENTICATED, and sockets opened with it stop
   * receiving frames (closed 4403). Revoking twice keeps the first time and announces it again.
   */
  async revoke(id: string, now = new Date()): Promise<ApiKeyEntity> {
    const repository = this.db.getRepository(ApiKeyEntity);
    const key = await repository.findOneBy({ id });
    if (!key) throw new DomainError(ErrorCode.NOT_FOUND, `No API key has the id ${JSON.stringify(id)}.`);
    if (!key.revokedAt) {
      key.revokedAt = now;
      await repository.update({ id }, { revokedAt: now });
    }
    this.pubsub?.publish('API_KEY_REVOKED', { keyId: key.id, revokedAt: key.revokedAt.toISOString() });
    return key;
  }
}
