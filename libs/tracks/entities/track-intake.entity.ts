import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Track } from './track.entity.js';

/** One start of a track with a fixed number of places; `placesTaken` never exceeds `places` (checked by the database). */
@Entity({ name: 'track_intakes' })
@Index('uq_track_intakes_track_start', ['trackId', 'startDate'], { unique: true })
@Check('ck_track_intakes_places', 'places >= 1 AND places_taken >= 0 AND places_taken <= places')
export class TrackIntake {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'track_id', type: 'uuid' })
  trackId!: string;

  @ManyToOne(() => Track, (track) => track.intakes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'track_id', foreignKeyConstraintName: 'fk_track_intakes_track' })
  track!: Relation<Track>;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ type: 'smallint' })
  places!: number;

  @Column({ name: 'places_taken', type: 'smallint', default: 0 })
  placesTaken!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
