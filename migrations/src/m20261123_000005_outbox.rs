//! The e-mail out-box: messages waiting for, in, or past delivery through the hotel's SMTP
//! server, and their attachments (bytes in the database: BLOB on SQLite, BYTEA on PostgreSQL),
//! so nothing is lost while the internet is down and every terminal sees the same queue.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{index, references};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000005_outbox"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(MailMessage::Table)
                .col(pk_auto(MailMessage::Id))
                .col(integer(MailMessage::PropertyId))
                .col(text(MailMessage::ToList))
                .col(text(MailMessage::CcList).default(""))
                .col(string_len(MailMessage::Subject, 200))
                .col(text(MailMessage::Body))
                .col(string_len(MailMessage::Status, 16))
                .col(integer(MailMessage::Attempts).default(0))
                .col(timestamp_with_time_zone(MailMessage::NextAttemptAt))
                .col(string_len(MailMessage::LastErrorKind, 24).default(""))
                .col(string_len(MailMessage::LastError, 300).default(""))
                .col(timestamp_with_time_zone(MailMessage::CreatedAt))
                .col(timestamp_with_time_zone_null(MailMessage::SentAt))
                .col(string_len(MailMessage::QueuedBy, 40))
                .col(string_len(MailMessage::AboutEntity, 32).default(""))
                .col(string_len(MailMessage::AboutId, 40).default(""))
                .foreign_key(&mut references(
                    MailMessage::Table,
                    MailMessage::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "ix_mail_message_due",
            MailMessage::Table,
            [
                MailMessage::PropertyId,
                MailMessage::Status,
                MailMessage::NextAttemptAt,
            ],
        )
        .await?;
        index(
            m,
            "ix_mail_message_created",
            MailMessage::Table,
            [MailMessage::PropertyId, MailMessage::CreatedAt],
        )
        .await?;
        index(
            m,
            "ix_mail_message_about",
            MailMessage::Table,
            [
                MailMessage::PropertyId,
                MailMessage::AboutEntity,
                MailMessage::AboutId,
            ],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(MailAttachment::Table)
                .col(pk_auto(MailAttachment::Id))
                .col(integer(MailAttachment::MessageId))
                .col(integer(MailAttachment::Position))
                .col(string_len(MailAttachment::FileName, 200))
                .col(string_len(MailAttachment::MimeType, 100))
                .col(big_integer(MailAttachment::SizeBytes))
                .col(blob(MailAttachment::Content))
                .foreign_key(
                    &mut references(
                        MailAttachment::Table,
                        MailAttachment::MessageId,
                        MailMessage::Table,
                        MailMessage::Id,
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .to_owned(),
        )
        .await?;
        index(
            m,
            "ix_mail_attachment_message",
            MailAttachment::Table,
            [MailAttachment::MessageId, MailAttachment::Position],
        )
        .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Property {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum MailMessage {
    Table,
    Id,
    PropertyId,
    ToList,
    CcList,
    Subject,
    Body,
    Status,
    Attempts,
    NextAttemptAt,
    LastErrorKind,
    LastError,
    CreatedAt,
    SentAt,
    QueuedBy,
    AboutEntity,
    AboutId,
}

#[derive(DeriveIden, Clone, Copy)]
enum MailAttachment {
    Table,
    Id,
    MessageId,
    Position,
    FileName,
    MimeType,
    SizeBytes,
    Content,
}
