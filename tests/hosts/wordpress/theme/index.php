<!doctype html>
<html <?php language_attributes(); ?>>
<head><meta charset="utf-8"><link rel="icon" href="data:,"><?php wp_head(); ?></head>
<body>
<?php while ( have_posts() ) : the_post(); ?>
<article><h1><?php the_title(); ?></h1><?php the_content(); ?></article>
<?php endwhile; ?>
<?php wp_footer(); ?>
</body>
</html>
