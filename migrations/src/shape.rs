//! Small helpers shared by the migrations: foreign keys and indexes by name.

use sea_orm_migration::prelude::*;

/// A foreign key `from.col → to.to_col`.
pub fn references(
    from: impl IntoIden + 'static,
    col: impl IntoIden,
    to: impl IntoIden + 'static,
    to_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, col)
        .to(to, to_col)
        .to_owned()
}

/// A plain index over `cols`.
pub async fn index<T: IntoIden + Copy + 'static, C: IntoIden + Copy + 'static, const N: usize>(
    m: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: [C; N],
) -> Result<(), DbErr> {
    let mut stmt = Index::create().name(name).table(table).to_owned();
    for c in cols {
        stmt.col(c);
    }
    m.create_index(stmt).await
}

/// A unique index over `cols`.
pub async fn unique_index<
    T: IntoIden + Copy + 'static,
    C: IntoIden + Copy + 'static,
    const N: usize,
>(
    m: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: [C; N],
) -> Result<(), DbErr> {
    let mut stmt = Index::create().name(name).table(table).unique().to_owned();
    for c in cols {
        stmt.col(c);
    }
    m.create_index(stmt).await
}
