import { ApiProperty } from '@nestjs/swagger';
import { SIGNING_ALGS } from '../../common/protocol.js';

export class KeyDto {
  @ApiProperty({ example: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs', description: 'RFC 7638 thumbprint of the key.' })
  kid: string;

  @ApiProperty({ enum: SIGNING_ALGS, example: 'RS256' })
  alg: string;

  @ApiProperty({ example: 'sig' })
  use: string;

  @ApiProperty({ enum: ['next', 'active', 'retired'], example: 'active', description: 'active signs; next is pre-published; retired still verifies.' })
  status: 'next' | 'active' | 'retired';

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-29T10:00:00.000Z' })
  activated_at: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-29T10:00:00.000Z' })
  retired_at: string | null;
}

/** A page of keys, in the same order, like every admin list. */
export class KeyPageDto {
  @ApiProperty({ type: [KeyDto], description: 'Active key first, then next, then retired keys.' })
  items: KeyDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page.', example: null })
  next_cursor: string | null;
}

export class KeyListDto {
  @ApiProperty({ type: [KeyDto], description: 'Active key first, then next, then retired keys.' })
  items: KeyDto[];
}
