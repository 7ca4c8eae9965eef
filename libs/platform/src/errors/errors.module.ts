import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GmdbExceptionFilter } from './gmdb-exception.filter';

/** Installs `GmdbExceptionFilter` for every route and resolver of the app. */
@Module({ providers: [{ provide: APP_FILTER, useClass: GmdbExceptionFilter }] })
export class ErrorsModule {}
