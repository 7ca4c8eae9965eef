import { type DynamicModule, Module, type OnApplicationBootstrap, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type { PlatformConfig } from '../config/platform-config.schema';
import { ObjectStorage } from '../storage/object-storage';

/** The app's S3 bucket as one `ObjectStorage` provider (the bucket is created if missing at boot). */
@Module({})
export class ObjectStorageModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(ObjectStorage) private readonly storage: ObjectStorage) {}

  static forRoot(config: PlatformConfig): DynamicModule {
    const storage = new ObjectStorage({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
    return {
      module: ObjectStorageModule,
      global: true,
      providers: [{ provide: ObjectStorage, useValue: storage }],
      exports: [ObjectStorage],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.storage.ensureBucket();
  }

  onApplicationShutdown(): void {
    this.storage.close();
  }
}
