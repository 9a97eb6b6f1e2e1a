import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What another feature records, inside the write's transaction, when competence profiles changed: published,
 * unpublished, edited, consent withdrawn, erased (the profile row is still there when erasure calls this).
 */
export type ProfileChangeListener = (profileIds: string[], manager: EntityManager) => Promise<unknown>;

/**
 * Features that follow profiles (the search indexes, matching) register here at start-up, so that every change
 * reaches them in the same transaction without participants depending on those features.
 */
@Injectable()
export class ProfileChanges {
  private readonly listeners = new Map<string, ProfileChangeListener>();

  register(feature: string, listener: ProfileChangeListener): void {
    if (this.listeners.has(feature))
      throw new Error(`Profile change listener of ${feature} registered twice`);
    this.listeners.set(feature, listener);
  }

  async changed(profileIds: string[], manager: EntityManager): Promise<void> {
    if (profileIds.length === 0) return;
    for (const listener of this.listeners.values()) await listener(profileIds, manager);
  }
}
