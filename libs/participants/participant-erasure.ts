import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What another feature does, inside the erasure transaction, when a participant is erased. */
export type ErasureStep = (participantId: string, manager: EntityManager) => Promise<unknown>;

/**
 * Features that depend on participants (tracks, later matching and placements) register what erasure means for
 * them here at start-up, so that erasure reaches everywhere without participants depending on those features.
 */
@Injectable()
export class ParticipantErasure {
  private readonly steps = new Map<string, ErasureStep>();

  register(feature: string, step: ErasureStep): void {
    if (this.steps.has(feature)) throw new Error(`Erasure step of ${feature} registered twice`);
    this.steps.set(feature, step);
  }

  async run(participantId: string, manager: EntityManager): Promise<void> {
    for (const step of this.steps.values()) await step(participantId, manager);
  }
}
